BeforeAll {
    Set-StrictMode -Version Latest
    $script:Windows = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
    # Off Windows these do not exist: stand-ins that Pester's Mock can then replace and count.
    function New-ScheduledTaskAction { param($Execute, $Argument) [pscustomobject]@{ Execute = $Execute; Arguments = $Argument } }
    function New-ScheduledTaskTrigger { param([switch]$Once, $At, $RepetitionInterval, $RandomDelay, [switch]$AtStartup) [pscustomobject]@{ AtStartup = [bool]$AtStartup; Repetition = $RepetitionInterval } }
    function New-ScheduledTaskSettingsSet { param([switch]$StartWhenAvailable, $MultipleInstances, $ExecutionTimeLimit) [pscustomobject]@{ MultipleInstances = $MultipleInstances; ExecutionTimeLimit = $ExecutionTimeLimit } }
    function New-ScheduledTaskPrincipal { param($UserId, $LogonType, $RunLevel) [pscustomobject]@{ UserId = $UserId; LogonType = $LogonType; RunLevel = $RunLevel } }
    function Register-ScheduledTask { param($TaskName, $Action, $Trigger, $Settings, $Principal, $Description, [switch]$Force) }
    function Get-ScheduledTask { param($TaskName) }
    function Unregister-ScheduledTask { param($TaskName, [switch]$Confirm) }
    function whoami.exe { $global:Whoami }
    function icacls.exe { [void]$global:Icacls.Add(($args -join ' ')); $global:LASTEXITCODE = 0 }
}

Describe 'install.ps1' {
    BeforeEach {
        $root = Join-Path ($TestDrive) ("kmswatch-install-" + [guid]::NewGuid().ToString('N'))
        $env:ProgramFiles = Join-Path $root 'Program Files'
        $env:ProgramData = Join-Path $root 'ProgramData'
        $state = Join-Path $env:ProgramData 'kmswatch'
        $global:Whoami = '"Mandatory Label\High Mandatory Level","Label","S-1-16-12288",""'
        $global:Icacls = New-Object System.Collections.ArrayList
        Mock Register-ScheduledTask { }
        $install = Join-Path $script:Windows 'install.ps1'
    }

    It 'refuses a server URL that is not http(s)' {
        { & $install -ServerUrl 'kmswatch.example.com' } | Should -Throw '*ServerUrl*'
        Test-Path -LiteralPath $state | Should -BeFalse
    }

    It 'refuses to run without elevation, before writing anything' {
        $global:Whoami = '"Mandatory Label\Medium Mandatory Level","Label","S-1-16-8192",""'
        { & $install -ServerUrl 'https://kmswatch.example.com' } | Should -Throw '*must run elevated*'
        Test-Path -LiteralPath $env:ProgramFiles | Should -BeFalse
    }

    It 'copies the agent, writes config and secret with the documented content, locks the state dir, registers the task' {
        & $install -ServerUrl 'https://kmswatch.example.com/' -EnrollSecret 's3cret' 6>$null
        $dir = Join-Path $env:ProgramFiles 'kmswatch'
        @(Get-ChildItem -LiteralPath $dir -Recurse -File | ForEach-Object { $_.FullName.Substring($dir.Length + 1).Replace('\', '/') } | Sort-Object) |
            Should -Be @('kmswatch-agent.ps1', 'lib/Collect.ps1', 'lib/Probe.ps1', 'lib/Readiness.ps1', 'lib/Send.ps1', 'lib/State.ps1', 'uninstall.ps1')
        (Get-Content -LiteralPath (Join-Path $state 'config.json') -Raw | ConvertFrom-Json).serverUrl | Should -Be 'https://kmswatch.example.com'
        [IO.File]::ReadAllBytes((Join-Path $state 'enroll-secret.txt')) | Should -Be ([Text.Encoding]::ASCII.GetBytes('s3cret'))
        $global:Icacls | Should -Be @("$state /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F")
        Should -Invoke Register-ScheduledTask -Times 1 -Exactly -ParameterFilter {
            $TaskName -eq 'kmswatch-agent' -and $Force -and $Principal.UserId -eq 'SYSTEM' -and $Principal.RunLevel -eq 'Highest' -and
            $Action.Execute -eq 'powershell.exe' -and $Action.Arguments -like "*-File `"$(Join-Path $dir 'kmswatch-agent.ps1')`"" -and
            @($Trigger).Count -eq 2 -and $Settings.MultipleInstances -eq 'IgnoreNew'
        }
    }

    It 'passes -NoProbe on to the task' {
        & $install -ServerUrl 'https://kmswatch.example.com' -NoProbe 6>$null
        Should -Invoke Register-ScheduledTask -Times 1 -ParameterFilter { $Action.Arguments -like '*kmswatch-agent.ps1" -NoProbe' }
    }

    It 'is harmless to run again: same files, the task replaced, a saved secret kept when none is given' {
        & $install -ServerUrl 'https://kmswatch.example.com' -EnrollSecret 's3cret' 6>$null
        New-Item -ItemType Directory -Path (Join-Path $state 'spool') -Force | Out-Null
        Set-Content -LiteralPath (Join-Path $state 'token.json') -Value '{"token":"t"}'
        & $install -ServerUrl 'https://kmswatch2.example.com' 6>$null
        (Get-Content -LiteralPath (Join-Path $state 'config.json') -Raw | ConvertFrom-Json).serverUrl | Should -Be 'https://kmswatch2.example.com'
        Get-Content -LiteralPath (Join-Path $state 'enroll-secret.txt') -Raw | Should -Be 's3cret'
        Test-Path -LiteralPath (Join-Path $state 'token.json') | Should -BeTrue
        Should -Invoke Register-ScheduledTask -Times 2 -Exactly -ParameterFilter { $Force }
    }
}

Describe 'uninstall.ps1' {
    BeforeEach {
        $root = Join-Path ($TestDrive) ("kmswatch-uninstall-" + [guid]::NewGuid().ToString('N'))
        $env:ProgramFiles = Join-Path $root 'Program Files'
        $env:ProgramData = Join-Path $root 'ProgramData'
        New-Item -ItemType Directory -Path (Join-Path $env:ProgramFiles 'kmswatch/lib'), (Join-Path $env:ProgramData 'kmswatch/spool') -Force | Out-Null
        Mock Get-ScheduledTask { [pscustomobject]@{ TaskName = 'kmswatch-agent' } }
        Mock Unregister-ScheduledTask { }
        $uninstall = Join-Path $script:Windows 'uninstall.ps1'
    }

    It 'removes the task and the program folder, keeps the state' {
        & $uninstall 6>$null
        Should -Invoke Unregister-ScheduledTask -Times 1 -Exactly -ParameterFilter { $TaskName -eq 'kmswatch-agent' }
        Test-Path -LiteralPath (Join-Path $env:ProgramFiles 'kmswatch') | Should -BeFalse
        Test-Path -LiteralPath (Join-Path $env:ProgramData 'kmswatch/spool') | Should -BeTrue
    }

    It 'removes the state too with -RemoveState, and is harmless to run again' {
        & $uninstall -RemoveState 6>$null
        Mock Get-ScheduledTask { $null }
        & $uninstall -RemoveState 6>$null
        Test-Path -LiteralPath (Join-Path $env:ProgramData 'kmswatch') | Should -BeFalse
        Should -Invoke Unregister-ScheduledTask -Times 1 -Exactly
    }
}
