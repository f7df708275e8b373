# The whole kmswatch-agent.ps1, run in this process with the Windows commands stood in for; `exit N`
# in a script called with & ends that script only and sets $LASTEXITCODE.
BeforeAll {
    Set-StrictMode -Version Latest
    $script:Agent = (Resolve-Path (Join-Path $PSScriptRoot '../kmswatch-agent.ps1')).Path
    $script:Fixtures = Resolve-Path (Join-Path $PSScriptRoot '../../../tests/fixtures/agent')
    . (Join-Path $PSScriptRoot '../../../tests/support/powershell/WindowsStandIns.ps1')
    $env:COMPUTERNAME = 'WS-PESTER'
    $env:windir = Join-Path ($TestDrive) ("kmswatch-windir-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path (Join-Path $env:windir 'System32') -Force | Out-Null
    foreach ($f in 'cscript.exe', 'slmgr.vbs') { Set-Content -LiteralPath (Join-Path $env:windir "System32/$f") -Value 'stand-in' }
    $global:KmsStandIn = @{ CaptureDir = (Join-Path $script:Fixtures 'client-ws-fin-0142'); Domain = 'corp.contoso.com'; DlvExitCode = 0; Win32Tpm = 'missing' }
}

Describe 'kmswatch-agent.ps1' {
    BeforeEach { $state = Join-Path ($TestDrive) ("kmswatch-agent-" + [guid]::NewGuid().ToString('N')) }

    It 'exits 2 without a server URL (none given, none saved by install.ps1)' {
        & $script:Agent -StateDir $state -NoProbe 2>$null 6>$null
        $LASTEXITCODE | Should -Be 2
    }

    It '-DryRun prints the payload and changes no state' {
        $out = & $script:Agent -StateDir $state -NoProbe -DryRun 6>$null
        $LASTEXITCODE | Should -Be 0
        $payload = ($out -join "`n") | ConvertFrom-Json
        @($payload.artifacts | ForEach-Object { $_.type }) | Should -Be @('dlv', 'cim', 'events')
        $payload.agentVersion | Should -Match '^windows-'
        Test-Path -LiteralPath $state | Should -BeFalse
    }

    It 'spools, moves the bookmarks and exits 3 when the server is unreachable; a run without new events too' {
        & $script:Agent -StateDir $state -ServerUrl 'http://127.0.0.1:9' -EnrollSecret 's' -MaxRunSeconds 1 -NoProbe 6>$null
        $LASTEXITCODE | Should -Be 3
        (Get-Content -LiteralPath (Join-Path $state 'bookmarks.json') -Raw | ConvertFrom-Json).Application | Should -Be 51878
        & $script:Agent -StateDir $state -ServerUrl 'http://127.0.0.1:9' -EnrollSecret 's' -MaxRunSeconds 1 -NoProbe 6>$null
        $LASTEXITCODE | Should -Be 3
        @(Get-ChildItem -LiteralPath (Join-Path $state 'spool') -Filter '*.json').Count | Should -Be 2
        Get-Content -LiteralPath (Join-Path $state 'agent.log') -Raw | Should -Match 'run summary: 0 new event\(s\)'
    }
}
