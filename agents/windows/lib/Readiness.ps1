# KMS host readiness for kmswatch-agent.ps1 (Windows Server 2025, 2026-08 update): the TPM behind
# hardware-secured activation, and the OSLicense module's read-only cmdlets where it exists.
# Windows PowerShell 5.1; every cmdlet here is optional and probed with Get-Command first.

$script:OSLicenseCmdlets = @('Get-KmsLicenseInfo', 'Get-OSLicenseInfo', 'Get-ADLicenseInfo')

function Get-KmsErrorText {
    param($ErrorRecord)
    $text = [string]$ErrorRecord.Exception.Message
    if ($text.Length -gt 500) { $text = $text.Substring(0, 500) }
    $text
}

function Get-KmsTpmArtifact {
    # null = could not be determined. Get-Tpm first (TPM presence as Windows sees it); Win32_Tpm
    # gives the spec version, and the answer on machines without the TrustedPlatformModule module.
    $tpm = [ordered]@{ type = 'tpm'; present = $null; enabled = $null; activated = $null; specVersion = $null; keyAttestation = $null; source = 'none'; error = $null }
    $errors = @()
    if (Get-Command -Name Get-Tpm -ErrorAction SilentlyContinue) {
        try {
            $t = Get-Tpm -ErrorAction Stop
            $tpm.present = [bool]$t.TpmPresent
            $tpm.enabled = [bool]$t.TpmEnabled
            $tpm.activated = [bool]$t.TpmActivated
            $tpm.source = 'Get-Tpm'
        } catch { $errors += "Get-Tpm: $(Get-KmsErrorText $_)" }
    }
    try {
        $w = Get-CimInstance -Namespace 'root\cimv2\Security\MicrosoftTpm' -ClassName Win32_Tpm -ErrorAction Stop
        if ($tpm.source -eq 'none') {
            $tpm.source = 'Win32_Tpm'
            $tpm.present = [bool]$w
            if ($w) { $tpm.enabled = [bool]$w.IsEnabled_InitialValue; $tpm.activated = [bool]$w.IsActivated_InitialValue }
        }
        if ($w -and $w.SpecVersion) { $tpm.specVersion = [string]$w.SpecVersion }
    } catch { $errors += "Win32_Tpm: $(Get-KmsErrorText $_)" }
    if (Get-Command -Name Get-TpmSupportedFeature -ErrorAction SilentlyContinue) {
        try {
            $features = @(Get-TpmSupportedFeature -FeatureList 'Key Attestation' -ErrorAction Stop)
            $tpm.keyAttestation = [bool]($features -contains 'Key Attestation')
        } catch { $errors += "Get-TpmSupportedFeature: $(Get-KmsErrorText $_)" }
    }
    # An error that changed no answer (e.g. no Win32_Tpm after Get-Tpm answered) is still worth showing.
    if ($errors.Count -gt 0) { $tpm.error = $errors -join '; ' }
    $tpm
}

function Get-KmsOSLicenseArtifacts {
    # One artifact per cmdlet (written to the pipeline), only where the OSLicense module is
    # installed. Read-only Get-* only.
    if (-not (Get-Module -ListAvailable -Name OSLicense)) { return }
    foreach ($name in $script:OSLicenseCmdlets) {
        $artifact = [ordered]@{ type = 'oslicense'; cmdlet = $name; output = @(); error = $null }
        try {
            if (-not (Get-Command -Name $name -ErrorAction SilentlyContinue)) { throw "$name is not in this OSLicense version" }
            $artifact.output = @(& $name -ErrorAction Stop | Select-Object -Property * -ExcludeProperty $script:CimExclude)
        } catch { $artifact.error = Get-KmsErrorText $_ }
        $artifact
    }
}
