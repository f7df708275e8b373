# Test-only driver: runs the real agents/windows/kmswatch-agent.ps1 (not a copy) in this process,
# with the Windows stand-ins defined first, and exits with the agent's exit code.
param(
    [Parameter(Mandatory = $true)][string]$CaptureDir,
    [Parameter(Mandatory = $true)][string]$WindowsDir,   # scratch %windir%; System32\slmgr.vbs placeholders unless -NoVbs
    [string]$ComputerName = 'WS-TEST',
    [string]$Domain = 'corp.contoso.com',
    [int]$DlvExitCode = 0,
    [switch]$NoVbs,
    [switch]$WithTpm,         # Get-Tpm, Get-TpmSupportedFeature and Win32_Tpm answer; else none exist
    [switch]$WithOSLicense,   # the OSLicense stand-in module is on PSModulePath
    [string]$AgentArgsJson = '{}'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
$env:COMPUTERNAME = $ComputerName
$env:windir = $WindowsDir
$system32 = Join-Path $WindowsDir 'System32'
New-Item -ItemType Directory -Path $system32 -Force | Out-Null
foreach ($f in 'cscript.exe', 'slmgr.vbs') {
    $p = Join-Path $system32 $f
    if ($NoVbs) { Remove-Item -LiteralPath $p -Force -ErrorAction SilentlyContinue } else { Set-Content -LiteralPath $p -Value 'stand-in' }
}
$global:KmsStandIn = @{ CaptureDir = $CaptureDir; Domain = $Domain; DlvExitCode = $DlvExitCode; Win32Tpm = 'missing' }
. (Join-Path $PSScriptRoot 'WindowsStandIns.ps1')
if ($WithTpm) {
    $global:KmsStandIn.Win32Tpm = [pscustomobject]@{ IsEnabled_InitialValue = $true; IsActivated_InitialValue = $true; SpecVersion = '2.0, 0, 1.59' }
    function Get-Tpm { [pscustomobject]@{ TpmPresent = $true; TpmReady = $true; TpmEnabled = $true; TpmActivated = $true } }
    function Get-TpmSupportedFeature { param([string[]]$FeatureList) @($FeatureList | Where-Object { $_ -eq 'Key Attestation' }) }
}
if ($WithOSLicense) { $env:PSModulePath = $PSScriptRoot + [IO.Path]::PathSeparator + $env:PSModulePath }

$agentArgs = @{}
foreach ($p in (ConvertFrom-Json $AgentArgsJson).PSObject.Properties) { $agentArgs[$p.Name] = $p.Value }
& (Join-Path $root 'agents/windows/kmswatch-agent.ps1') @agentArgs
exit $LASTEXITCODE
