// Preset dictionaries for the raw text kept compressed (lib/core/deflate.ts packText). A Windows event, a
// `slmgr /dlv` text and a CIM document are mostly the same words on every machine: deflate primed with them
// stores only what differs (a 820-byte 12288 event becomes ~110 bytes instead of ~510). The first byte of a
// packed value names its dictionary, so a stored value is readable forever: NEVER edit a dictionary here (a
// test pins their hashes); add a new id instead. The texts are generic (no fleet's own names or keys).

/** Event XML as agents send it (`wevtutil qe /f:xml`): the SPP client events and the KMS host log. */
const EVENT_XML =
  "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-SPP' " +
  "Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='KmsRequests'/><EventID Qualifiers='16384'>12293</EventID>" +
  "<Version>0</Version><Level>2</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords>" +
  "<TimeCreated SystemTime='2026-01-01T00:00:00.0000000Z'/><EventRecordID>1000</EventRecordID><Correlation/>" +
  "<Execution ProcessID='0' ThreadID='0'/><Channel>Key Management Service</Channel><Computer>kms.corp.example.com</Computer>" +
  "<Security/></System><EventData><Data>0x0,25,ws-0001.corp.example.com,00000000-0000-0000-0000-000000000000,2026/1/1 00:00,0,1,259200," +
  "73111121-5638-40f6-bc11-f1d7b0d64300</Data><Data>0x0</Data><Data>25</Data><Data>ws-0001.corp.example.com</Data>" +
  "<Data>00000000-0000-0000-0000-000000000000</Data><Data>2026/1/1 00:00</Data><Data>0</Data><Data>1</Data><Data>259200</Data>" +
  "<Data>73111121-5638-40f6-bc11-f1d7b0d64300</Data></EventData></Event>" +
  "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-SPP' " +
  "Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='Software Protection Platform Service'/>" +
  "<EventID Qualifiers='16384'>12289</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode>" +
  "<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2026-01-01T00:00:00.0000000Z'/><EventRecordID>1000</EventRecordID>" +
  "<Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel><Computer>ws-0001.corp.example.com</Computer>" +
  "<Security/></System><EventData><Data>0x00000000, 0x00000000, 1, 0, 50, 120, 10080, 2026/01/01 00:00</Data></EventData></Event>" +
  "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-SPP' " +
  "Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='Software Protection Platform Service'/>" +
  "<EventID Qualifiers='16384'>12288</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode>" +
  "<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2026-01-01T00:00:00.0000000Z'/><EventRecordID>1000</EventRecordID>" +
  "<Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel><Computer>ws-0001.corp.example.com</Computer>" +
  "<Security/></System><EventData><Data>0x00000000, 0x00000000, kms.corp.example.com:1688, 00000000-0000-0000-0000-000000000000, " +
  "2026/01/01 00:00, 0, 1, 259200, 73111121-5638-40f6-bc11-f1d7b0d64300, 25</Data></EventData></Event>";

/** The French labels (as inferred in the fixtures): priming costs nothing when they do not occur. */
const DLV_FR =
  "Version du service de gestion des licences logicielles : 10.0.22631.0\r\n\r\nNom : Windows(R), Enterprise edition\r\n" +
  "Description : Windows(R) Operating System, VOLUME_KMSCLIENT channel\r\nID d’activation : \r\nID d’application : \r\n" +
  "PID étendu : \r\nCanal de la clé de produit : Volume:GVLK\r\nID d’installation : \r\nURL de la licence d’utilisation : \r\n" +
  "URL de validation : \r\nClé de produit partielle : \r\nÉtat de la licence : Avec licence\r\n" +
  "Expiration de l’activation en volume : 259200 minute(s) (180 jour(s))\r\nNombre de réarmements Windows restants : 1001\r\n" +
  "Nombre de réarmements de la référence SKU restants : 1001\r\nHeure approuvée : 01/01/2026 00:00:00\r\n" +
  "Type d’activation configuré : Tout\r\n\r\nInformations sur l’activation la plus récente :\r\n" +
  "Informations sur le client du service de gestion de clés\r\n    ID de l’ordinateur client (CMID) : \r\n" +
  "    Nom d’ordinateur KMS à partir de DNS : \r\n    Adresse IP de l’ordinateur KMS : \r\n    PID étendu de l’ordinateur KMS : \r\n" +
  "    Intervalle d’activation : 120 minutes\r\n    Intervalle de renouvellement : 10080 minutes\r\n" +
  "    La mise en cache de l’hôte KMS est activée\r\n\r\nLe service de gestion de clés est activé sur cet ordinateur\r\n" +
  "    Décompte actuel : 50\r\n    Écoute sur le port : 1688\r\n    Publication DNS activée\r\n    Priorité KMS : Normale\r\n\r\n" +
  "Demandes cumulées reçues des clients par le service de gestion de clés\r\n    Nombre total de demandes reçues : 0\r\n" +
  "    Demandes ayant échoué reçues : 0\r\n    Demandes avec l’état de licence Sans licence : 0\r\n" +
  "    Demandes avec l’état de licence Avec licence : 0\r\n    Demandes avec l’état de licence Période de grâce initiale : 0\r\n" +
  "    Demandes avec l’état de licence Licence expirée ou matériel hors tolérance : 0\r\n" +
  "    Demandes avec l’état de licence Période de grâce non authentique : 0\r\n    Demandes avec l’état de licence Notification : 0\r\n";

/** `slmgr /dlv` (English labels, the most frequent, nearest), a KMS host's then a client's. */
const DLV =
  DLV_FR +
  "Software licensing service version: 10.0.20348.0\r\n\r\nName: Windows(R), ServerStandard edition\r\n" +
  "Description: Windows(R) Operating System, VOLUME_KMS_WS22 channel\r\nActivation ID: 00000000-0000-0000-0000-000000000000\r\n" +
  "Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f\r\nExtended PID: 03612-03858-000-000000-03-1033-20348.0000-0012026\r\n" +
  "Product Key Channel: Volume:CSVLK\r\nInstallation ID: 000000000000000000000000000000000000000000000000000000000000000\r\n" +
  "Use License URL: https://activation-v2.sls.microsoft.com/SLActivateProduct/SLActivateProduct.asmx?configextension=Retail\r\n" +
  "Validation URL: https://validation-v2.sls.microsoft.com/SLWGA/slwga.asmx\r\nPartial Product Key: XXXXX\r\nLicense Status: Licensed\r\n" +
  "Remaining Windows rearm count: 1000\r\nRemaining SKU rearm count: 1001\r\nTrusted time: 1/1/2026 12:00:00 AM\r\n\r\n" +
  "Key Management Service is enabled on this machine\r\n    Current count: 50\r\n    Listening on Port: 1688\r\n" +
  "    DNS publishing enabled\r\n    KMS priority: Normal\r\n\r\nKey Management Service cumulative requests received from clients\r\n" +
  "    Total requests received: 10000\r\n    Failed requests received: 0\r\n    Requests with License Status Unlicensed: 0\r\n" +
  "    Requests with License Status Licensed: 10000\r\n    Requests with License Status Initial grace period: 0\r\n" +
  "    Requests with License Status License expired or Hardware out of tolerance: 0\r\n" +
  "    Requests with License Status Non-genuine grace period: 0\r\n    Requests with License Status Notification: 0\r\n\r\n" +
  "Software licensing service version: 10.0.22631.0\r\n\r\nName: Windows(R), Enterprise edition\r\n" +
  "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\r\nActivation ID: 73111121-5638-40f6-bc11-f1d7b0d64300\r\n" +
  "Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f\r\nExtended PID: 03612-03311-000-000000-03-1033-22631.0000-0012026\r\n" +
  "Product Key Channel: Volume:GVLK\r\nInstallation ID: 000000000000000000000000000000000000000000000000000000000000000\r\n" +
  "Partial Product Key: XXXXX\r\nLicense Status: Licensed\r\nVolume activation expiration: 259200 minute(s) (180 day(s))\r\n" +
  "Remaining Windows rearm count: 1001\r\nRemaining SKU rearm count: 1001\r\nTrusted time: 1/1/2026 12:00:00 AM\r\n" +
  "Configured Activation Type: All\r\n\r\nMost recent activation information:\r\nKey Management Service client information\r\n" +
  "    Client Machine ID (CMID): 00000000-0000-0000-0000-000000000000\r\n    KMS machine name from DNS: kms.corp.example.com:1688\r\n" +
  "    KMS machine IP address: 10.0.0.1\r\n    KMS machine extended PID: 03612-03858-000-000000-03-1033-20348.0000-0012026\r\n" +
  "    Activation interval: 120 minutes\r\n    Renewal interval: 10080 minutes\r\n    KMS host caching is enabled\r\n";

/** The CIM document an agent sends (`{"service":…,"products":[…]}`, SoftwareLicensingService and -Product). */
const CIM =
  '{"service":{"Version":"10.0.22631.0","ClientMachineID":"00000000-0000-0000-0000-000000000000","IsKeyManagementServiceMachine":0,' +
  '"KeyManagementServiceCurrentCount":50,"KeyManagementServiceListeningPort":0,"KeyManagementServiceDnsPublishing":true,' +
  '"KeyManagementServiceLowPriority":false,"KeyManagementServiceHostCaching":true,"KeyManagementServiceActivationDisabled":false,' +
  '"KeyManagementServiceMachine":null,"KeyManagementServicePort":0,"KeyManagementServiceLookupDomain":null,' +
  '"DiscoveredKeyManagementServiceMachineName":"kms.corp.example.com","DiscoveredKeyManagementServiceMachinePort":1688,' +
  '"VLActivationInterval":120,"VLRenewalInterval":10080,"RemainingWindowsReArmCount":1001,"KeyManagementServiceTotalRequests":0,' +
  '"KeyManagementServiceFailedRequests":0,"KeyManagementServiceUnlicensedRequests":0,"KeyManagementServiceLicensedRequests":0,' +
  '"KeyManagementServiceOOBGraceRequests":0,"KeyManagementServiceOOTGraceRequests":0,"KeyManagementServiceNonGenuineGraceRequests":0,' +
  '"KeyManagementServiceNotificationRequests":0},"products":[{"ID":"73111121-5638-40f6-bc11-f1d7b0d64300",' +
  '"Name":"Windows(R), Enterprise edition","Description":"Windows(R) Operating System, VOLUME_KMSCLIENT channel",' +
  '"ApplicationID":"55c92734-d682-4d71-983e-d6ec3f16059f","ProductKeyChannel":"Volume:GVLK","PartialProductKey":"XXXXX",' +
  '"ProductKeyID":"03612-03311-000-000000-03-1033-22631.0000-0012026","LicenseStatus":1,"LicenseStatusReason":0,' +
  '"GracePeriodRemaining":259200,"LicenseIsAddon":false,"VLActivationTypeEnabled":0,"VLActivationInterval":120,' +
  '"VLRenewalInterval":10080,"KeyManagementServiceMachine":null,"KeyManagementServicePort":0,"KeyManagementServiceLookupDomain":null,' +
  '"DiscoveredKeyManagementServiceMachineName":"kms.corp.example.com","DiscoveredKeyManagementServiceMachinePort":1688,' +
  '"DiscoveredKeyManagementServiceMachineIpAddress":"10.0.0.1",' +
  '"KeyManagementServiceProductKeyID":"03612-03858-000-000000-03-1033-20348.0000-0012026","IsKeyManagementServiceMachine":0,' +
  '"RequiredClientCount":25,"KeyManagementServiceCurrentCount":4294967295,"KeyManagementServiceTotalRequests":4294967295,' +
  '"KeyManagementServiceFailedRequests":4294967295,"KeyManagementServiceUnlicensedRequests":4294967295,' +
  '"KeyManagementServiceLicensedRequests":4294967295,"KeyManagementServiceOOBGraceRequests":4294967295,' +
  '"KeyManagementServiceOOTGraceRequests":4294967295,"KeyManagementServiceNonGenuineGraceRequests":4294967295,' +
  '"KeyManagementServiceNotificationRequests":4294967295,"RemainingAppReArmCount":1001,"RemainingSkuReArmCount":1001,' +
  '"TrustedTime":"\\/Date(1767225600000)\\/"}]}';

/** A snapshot's packed product fields (lib/kms/storedProduct.ts storedParsedParts): a host's, then a client's. */
const PRODUCT_FIELDS =
  '{"description":"Windows(R) Operating System, VOLUME_KMS_WS22 channel","remainingWindowsRearmCount":1000,' +
  '"remainingSkuRearmCount":1001,"trustedTime":"2026-01-01T00:00:00.000Z","kmsPriority":"Normal","kmsLookupDomain":"corp.example.com",' +
  '"requestsUnlicensed":0,"requestsLicensed":0,"requestsInitialGrace":0,"requestsExpiredOrOot":0,"requestsNonGenuineGrace":0,' +
  '"requestsNotification":0}' +
  '{"description":"Windows(R) Operating System, VOLUME_KMSCLIENT channel","remainingWindowsRearmCount":1001,' +
  '"remainingSkuRearmCount":1001,"trustedTime":"1/1/2026 12:00:00 AM","kmsHost":"kms.corp.example.com",' +
  '"activationIntervalMin":120,"renewalIntervalMin":10080,"hostCaching":true,"kmsPriority":"Normal"}';

/** Id 0 is plain deflate (no dictionary). */
export const TEXT_DICTIONARIES = { 1: EVENT_XML, 2: DLV, 3: CIM, 4: PRODUCT_FIELDS } as const;

export type TextKind = "eventXml" | "dlv" | "cim" | "productFields";

export const DICTIONARY_ID: Record<TextKind, keyof typeof TEXT_DICTIONARIES> = { eventXml: 1, dlv: 2, cim: 3, productFields: 4 };
