BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Fixtures = Resolve-Path (Join-Path $PSScriptRoot '../../../tests/fixtures/agent')
    $script:WinDir = Join-Path ($TestDrive) ("kmswatch-windir-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path (Join-Path $script:WinDir 'System32') -Force | Out-Null
    function Use-Machine {
        param([string]$Capture, [switch]$NoVbs, [int]$DlvExitCode = 0)
        $global:KmsStandIn = @{ CaptureDir = (Join-Path $script:Fixtures $Capture); Domain = 'corp.contoso.com'; DlvExitCode = $DlvExitCode; Win32Tpm = 'missing' }
        $env:windir = $script:WinDir
        foreach ($f in 'cscript.exe', 'slmgr.vbs') {
            $p = Join-Path $script:WinDir "System32/$f"
            if ($NoVbs) { Remove-Item -LiteralPath $p -Force -ErrorAction SilentlyContinue } else { Set-Content -LiteralPath $p -Value 'stand-in' }
        }
    }
    . (Join-Path $PSScriptRoot '../../../tests/support/powershell/WindowsStandIns.ps1')
    function Get-Types { param($Collection) @($Collection.Artifacts | ForEach-Object { $_.type }) }
}

Describe 'payload built from CIM objects' {
    BeforeEach { New-TestStateDir | Out-Null }

    It 'keeps every CIM property but PowerShell''s bookkeeping ones' {
        Mock Get-CimInstance {
            [pscustomobject]@{ CimClass = 'x'; CimInstanceProperties = 'x'; CimSystemProperties = 'x'; PSComputerName = 'x'; Version = '10.0.20348.2340'; KeyManagementServiceListeningPort = 1688 }
        } -ParameterFilter { $ClassName -eq 'SoftwareLicensingService' }
        Mock Get-CimInstance {
            1..2 | ForEach-Object { [pscustomobject]@{ CimClass = 'x'; PSComputerName = 'x'; ID = "p$_"; PartialProductKey = 'ABCDE'; LicenseStatus = 1 } }
        } -ParameterFilter { $ClassName -eq 'SoftwareLicensingProduct' }
        $cim = Get-KmsCimArtifact
        @($cim.service.PSObject.Properties.Name) | Should -Be @('Version', 'KeyManagementServiceListeningPort')
        $cim.products.Count | Should -Be 2
        @($cim.products[0].PSObject.Properties.Name) | Should -Be @('ID', 'PartialProductKey', 'LicenseStatus')
        $json = ConvertTo-Json -InputObject $cim -Depth 8 -Compress
        $json | Should -Match '"products":\[\{"ID":"p1"'
    }

    It 'sends a single product as a one-element array (ConvertTo-Json would print it bare)' {
        Use-Machine 'client-ws-fin-0142'
        $json = ConvertTo-Json -InputObject (Get-KmsCimArtifact) -Depth 8 -Compress
        $json | Should -Match '"products":\[\{'
    }

    It 'collects /dlv, CIM and the client events on a client, and no TPM' {
        Use-Machine 'client-ws-fin-0142'
        $c = New-KmsCollection -Bookmarks @{}
        Get-Types $c | Should -Be @('dlv', 'cim', 'events')
        $c.Events[0].Log | Should -Be 'Application'
        $c.Events[0].Count | Should -Be 2
    }

    It 'builds a complete payload from CIM alone when VBScript is gone' {
        Use-Machine 'client-ws-fin-0142' -NoVbs
        $c = New-KmsCollection -Bookmarks @{} -Probe
        Get-Types $c | Should -Be @('cim', 'events', 'probe')
        $probe = $c.Artifacts[-1]
        $probe.target.host | Should -Be 'kms01.corp.contoso.com'
        $probe.target.source | Should -Be 'dns'
        Get-Content -LiteralPath (Join-Path $script:StateDir 'agent.log') -Raw | Should -Match 'slmgr.vbs missing'
    }

    It 'drops /dlv when slmgr.vbs fails, and still sends CIM' {
        Use-Machine 'client-ws-fin-0142' -DlvExitCode 1
        Get-Types (New-KmsCollection -Bookmarks @{}) | Should -Be @('cim', 'events')
    }

    It 'keeps every event of the Key Management Service log on a host (no EventID filter)' {
        Use-Machine 'host-kms01'
        $c = New-KmsCollection -Bookmarks @{}
        Get-Types $c | Should -Be @('dlv', 'cim', 'events', 'tpm')
        $kms = $c.Events | Where-Object { $_.Log -eq 'Key Management Service' }
        $kms.Count | Should -Be 8
        $global:KmsStandInCalls | Where-Object { $_ -like 'Get-WinEvent Key Management Service*' } | Should -Not -Match 'EventID='
    }

    It 'adds RenderingInfo to the XML of an event Windows rendered' {
        $record = [pscustomobject]@{ Message = 'Hardware <secured> & ready'; LevelDisplayName = 'Warning'; ProviderName = 'Microsoft-Windows-Security-SPP' }
        $record | Add-Member -MemberType ScriptMethod -Name ToXml -Value { "<Event xmlns='x'><System><EventID>12352</EventID></System></Event>" }
        $xml = ConvertTo-KmsEventXml $record
        $xml | Should -Be "<Event xmlns='x'><System><EventID>12352</EventID></System><RenderingInfo Culture='$([Globalization.CultureInfo]::CurrentUICulture.Name)'><Message>Hardware &lt;secured&gt; &amp; ready</Message><Level>Warning</Level><Provider>Microsoft-Windows-Security-SPP</Provider></RenderingInfo></Event>"
        ([xml]$xml).Event.RenderingInfo.Message | Should -Be 'Hardware <secured> & ready'
    }

    It 'reads only events above the bookmarks, oldest first, at most 500 per log' {
        Use-Machine 'host-kms01'
        $all = (New-KmsCollection -Bookmarks @{}).Events[0]
        $c = New-KmsCollection -Bookmarks @{ 'Key Management Service' = $all.LastRecordId }
        $c.Events.Count | Should -Be 0
        $script:MaxEventsPerLog = 3
        try { (New-KmsCollection -Bookmarks @{}).Events[0].Count | Should -Be 3 } finally { $script:MaxEventsPerLog = 500 }
    }
}
