BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    # Off Windows these commands do not exist; Pester can only mock a command that exists.
    function Get-Tpm { }
    if (-not (Get-Command Get-CimInstance -ErrorAction SilentlyContinue)) { function Get-CimInstance { param([string]$ClassName, [string]$Namespace) } }
    function Get-TpmSupportedFeature { param([string[]]$FeatureList) }
}

Describe 'TPM artifact' {
    BeforeEach { New-TestStateDir | Out-Null }

    It 'reads Get-Tpm, the spec version from Win32_Tpm and Key Attestation support' {
        Mock Get-Tpm { [pscustomobject]@{ TpmPresent = $true; TpmEnabled = $true; TpmActivated = $false } }
        Mock Get-CimInstance { [pscustomobject]@{ IsEnabled_InitialValue = $true; IsActivated_InitialValue = $true; SpecVersion = '2.0, 0, 1.59' } } -ParameterFilter { $ClassName -eq 'Win32_Tpm' }
        Mock Get-TpmSupportedFeature { 'Key Attestation' }
        $t = Get-KmsTpmArtifact
        (ConvertTo-Json -InputObject $t -Compress) | Should -Be '{"type":"tpm","present":true,"enabled":true,"activated":false,"specVersion":"2.0, 0, 1.59","keyAttestation":true,"source":"Get-Tpm","error":null}'
        Should -Invoke Get-TpmSupportedFeature -ParameterFilter { $FeatureList -eq 'Key Attestation' } -Times 1 -Exactly
    }

    It 'says keyAttestation false when the feature is not listed' {
        Mock Get-Tpm { [pscustomobject]@{ TpmPresent = $true; TpmEnabled = $true; TpmActivated = $true } }
        Mock Get-CimInstance { $null } -ParameterFilter { $ClassName -eq 'Win32_Tpm' }
        Mock Get-TpmSupportedFeature { @() }
        (Get-KmsTpmArtifact).keyAttestation | Should -BeFalse
    }

    It 'falls back to Win32_Tpm without the TrustedPlatformModule cmdlets; keyAttestation stays unknown' {
        Mock Get-Command { $null } -ParameterFilter { $Name -in @('Get-Tpm', 'Get-TpmSupportedFeature') }
        Mock Get-CimInstance { [pscustomobject]@{ IsEnabled_InitialValue = $true; IsActivated_InitialValue = $false; SpecVersion = '1.2, 2, 3' } } -ParameterFilter { $ClassName -eq 'Win32_Tpm' }
        $t = Get-KmsTpmArtifact
        $t.source | Should -Be 'Win32_Tpm'
        $t.present | Should -BeTrue
        $t.activated | Should -BeFalse
        $t.specVersion | Should -Be '1.2, 2, 3'
        $t.keyAttestation | Should -BeNullOrEmpty
    }

    It 'reports no TPM when Win32_Tpm has no instance' {
        Mock Get-Command { $null } -ParameterFilter { $Name -in @('Get-Tpm', 'Get-TpmSupportedFeature') }
        Mock Get-CimInstance { $null } -ParameterFilter { $ClassName -eq 'Win32_Tpm' }
        $t = Get-KmsTpmArtifact
        $t.present | Should -BeFalse
        $t.enabled | Should -BeNullOrEmpty
    }

    It 'says "could not be determined" (nulls, source none) with the error when nothing answers' {
        Mock Get-Tpm { throw 'Access denied' }
        Mock Get-CimInstance { throw 'Invalid namespace' } -ParameterFilter { $ClassName -eq 'Win32_Tpm' }
        Mock Get-TpmSupportedFeature { throw 'Access denied' }
        $t = Get-KmsTpmArtifact
        $t.source | Should -Be 'none'
        $t.present | Should -BeNullOrEmpty
        $t.keyAttestation | Should -BeNullOrEmpty
        $t.error | Should -Match 'Get-Tpm: Access denied; Win32_Tpm: Invalid namespace'
    }
}

Describe 'OSLicense artifacts' {
    BeforeEach { New-TestStateDir | Out-Null }

    It 'adds nothing where the module is not installed' {
        Mock Get-Module { $null } -ParameterFilter { $ListAvailable -and $Name -eq 'OSLicense' }
        @(Get-KmsOSLicenseArtifacts).Count | Should -Be 0
    }

    It 'runs the three read-only cmdlets, one artifact each, keeping an error per cmdlet' {
        $saved = $env:PSModulePath
        $env:PSModulePath = (Resolve-Path (Join-Path $PSScriptRoot '../../../tests/support/powershell')).Path + [IO.Path]::PathSeparator + $env:PSModulePath
        try { $a = @(Get-KmsOSLicenseArtifacts) } finally { $env:PSModulePath = $saved; Remove-Module OSLicense -ErrorAction SilentlyContinue }
        @($a | ForEach-Object { $_.cmdlet }) | Should -Be @('Get-KmsLicenseInfo', 'Get-OSLicenseInfo', 'Get-ADLicenseInfo')
        $a[0].output[0].KmsCurrentCount | Should -Be 50
        $a[0].error | Should -BeNullOrEmpty
        $a[2].output.Count | Should -Be 0
        $a[2].error | Should -Match 'No Active Directory-based activation objects'
        (ConvertTo-Json -InputObject $a[2] -Compress) | Should -Match '"output":\[\]'
    }

    It 'calls no OSLicense cmdlet but Get-*' {
        $script:OSLicenseCmdlets | Where-Object { $_ -notlike 'Get-*' } | Should -BeNullOrEmpty
        (Get-Content -Raw (Join-Path $script:AgentRoot 'lib/Readiness.ps1')) | Should -Not -Match '\b(Set|Invoke|Clear|Remove)-\w*License'
    }
}
