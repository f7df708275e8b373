# Test-only stand-in for the OSLicense module (Windows Server vNext / KB5124008), found through
# PSModulePath by `Get-Module -ListAvailable OSLicense` when a test puts this folder there.
# No recorded output of these cmdlets exists yet: the objects are hand-written from the documented
# fields (learn.microsoft.com/powershell/module/oslicense), one cmdlet fails on purpose.
function Get-KmsLicenseInfo {
    [pscustomobject]@{ KmsCurrentCount = 50; LicensedRequests = 17105; FailedRequests = 37; TotalRequests = 18342; ListeningPort = 1688 }
}
function Get-OSLicenseInfo {
    [pscustomobject]@{ Name = 'Windows(R), ServerStandard edition'; LicenseStatus = 'Licensed'; PartialProductKey = '7QXHV'; Channel = 'Volume:CSVLK' }
}
function Get-ADLicenseInfo {
    throw 'No Active Directory-based activation objects were found in this forest.'
}
function Set-OSLicense { throw 'kmswatch must never call a Set-* cmdlet' }
Export-ModuleMember -Function Get-KmsLicenseInfo, Get-OSLicenseInfo, Get-ADLicenseInfo, Set-OSLicense
