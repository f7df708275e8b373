# Dot-sourced by every *.Tests.ps1 in BeforeAll: the shipped lib/*.ps1 in the strictest mode, a fresh
# state dir per test file, and helpers for HTTP answers. Pester's Mock replaces commands per test.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$script:AgentRoot = Resolve-Path (Join-Path $PSScriptRoot '..')
foreach ($lib in 'State', 'Collect', 'Send', 'Probe', 'Readiness') { . (Join-Path $script:AgentRoot "lib/$lib.ps1") }

function New-TestStateDir {
    $dir = Join-Path ($TestDrive) ("kmswatch-pester-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path (Join-Path $dir 'spool') -Force | Out-Null
    $script:StateDir = $dir
    $script:ServerUrl = 'http://kmswatch.test'
    $script:EnrollSecret = $null
    $script:HostName = 'WS-TEST'
    $script:Fqdn = 'ws-test.corp.contoso.com'
    $script:Deadline = (Get-Date).AddSeconds(30)
    $dir
}

function Add-TestSpoolFile {
    param([string]$Stamp, [long]$Counter, [string]$Json = '{"collectedAt":"2026-11-25T10:00:00.000Z","agentVersion":"t","artifacts":[]}')
    $path = Join-Path $script:StateDir ("spool/{0}-{1:D10}.json" -f $Stamp, $Counter)
    [IO.File]::WriteAllText($path, $Json)
    Get-Item -LiteralPath $path
}

function New-Answer {
    param([int]$Status, [string]$Body = '{}', $RetryAfter = $null)
    @{ Status = $Status; Body = $Body; RetryAfter = $RetryAfter }
}
