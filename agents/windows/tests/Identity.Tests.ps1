# The server's identity and pacing answers (issues #17, #20): the installation key is generated once and
# sent with every enrollment, 409 stops the agent for an admin (exit 2), Retry-After is honoured with
# jitter and within the run's deadline (else exit 3 with the payload spooled).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    function Save-TestToken { Write-TextFile (Join-Path $script:StateDir 'token.json') '{"server":"http://kmswatch.test","token":"t-old"}' }
    function Get-TestLog { Get-Content -LiteralPath (Join-Path $script:StateDir 'agent.log') -Raw }
    function Get-EnrollKey { param([string]$Json) $p = ($Json | ConvertFrom-Json).PSObject.Properties['installationKey']; if ($p) { $p.Value } else { $null } }
}

Describe 'installation key' {
    BeforeEach {
        New-TestStateDir | Out-Null
        Add-TestSpoolFile '20261121T100000000Z' 1 | Out-Null
        $script:EnrollSecret = 's3cret'
        $script:keys = @()
        Mock Protect-AgentFile { }
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/enroll' } { $script:keys += , (Get-EnrollKey $Json); New-Answer 201 '{"agentId":"a-1","token":"t-new"}' }
    }

    It 'is generated once (43 base64url characters), saved with the token''s ACL, and sent again on re-enrollment after a 401' {
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' } { if ($Token -eq 't-old') { New-Answer 401 } else { New-Answer 200 } }
        (Send-KmsSpool).ExitCode | Should -Be 0
        $path = Join-Path $script:StateDir 'installation-key.txt'
        $saved = ([IO.File]::ReadAllText($path)).Trim()
        $saved | Should -MatchExactly '^[A-Za-z0-9_-]{43}$'
        Should -Invoke Protect-AgentFile -ParameterFilter { $Path -eq (Join-Path $script:StateDir 'installation-key.txt') } -Times 1 -Exactly
        Save-TestToken
        Add-TestSpoolFile '20261121T110000000Z' 2 | Out-Null
        (Send-KmsSpool).ExitCode | Should -Be 0
        $script:keys | Should -Be @($saved, $saved)
    }

    It 'is reused when token.json was deleted: the same installation enrolls again' {
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' } { New-Answer 200 }
        Send-KmsSpool | Out-Null
        Remove-Item -LiteralPath (Join-Path $script:StateDir 'token.json')
        Add-TestSpoolFile '20261121T110000000Z' 2 | Out-Null
        (Send-KmsSpool).ExitCode | Should -Be 0
        $script:keys.Count | Should -Be 2
        $script:keys[0] | Should -MatchExactly '^[A-Za-z0-9_-]{43}$'
        $script:keys[1] | Should -Be $script:keys[0]
    }

    It 'differs between two installations' {
        (New-InstallationKey) | Should -Not -Be (New-InstallationKey)
    }

    It 'is not replaced when a token exists but the key file is lost: enrolls without it and logs a warning' {
        Save-TestToken
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' } { if ($Token -eq 't-old') { New-Answer 401 } else { New-Answer 200 } }
        (Send-KmsSpool).ExitCode | Should -Be 0
        $script:keys.Count | Should -Be 1
        $script:keys[0] | Should -BeNullOrEmpty
        Test-Path -LiteralPath (Join-Path $script:StateDir 'installation-key.txt') | Should -BeFalse
        Get-TestLog | Should -Match 'warning: installation-key.txt is missing .*Settings > Agents'
    }

    It 'a damaged key file before the first enrollment is set aside and a new key generated' {
        [IO.File]::WriteAllText((Join-Path $script:StateDir 'installation-key.txt'), 'short')
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' } { New-Answer 200 }
        Send-KmsSpool | Out-Null
        [IO.File]::ReadAllText((Join-Path $script:StateDir 'installation-key.txt.corrupt')) | Should -Be 'short'
        $script:keys[0] | Should -MatchExactly '^[A-Za-z0-9_-]{43}$'
    }
}

Describe '409 conflict on enroll' {
    BeforeEach {
        New-TestStateDir | Out-Null
        Add-TestSpoolFile '20261121T100000000Z' 1 | Out-Null
        Add-TestSpoolFile '20261121T110000000Z' 2 | Out-Null
        $script:EnrollSecret = 's3cret'
        Mock Protect-AgentFile { }
    }

    It 'exits 2 at once, telling an admin to revoke the old agent; no retry, the spool kept, no token saved' {
        Mock Invoke-KmsPost { New-Answer 409 '{"error":{"code":"conflict","message":"already has an active agent","path":"fqdn"}}' }
        (Send-KmsSpool).ExitCode | Should -Be 2
        Should -Invoke Invoke-KmsPost -Times 1 -Exactly
        Get-TestLog | Should -Match 'stopped: .*ws-test\.corp\.contoso\.com already has an active agent.*revoke the old agent on the Agents page \(Settings > Agents\)'
        (Get-SpoolEntries).Count | Should -Be 2
        Test-Path -LiteralPath (Join-Path $script:StateDir 'token.json') | Should -BeFalse
    }
}

Describe 'Retry-After' {
    BeforeEach { New-TestStateDir | Out-Null; $script:sleeps = @(); Mock Start-Sleep { $script:sleeps += $Milliseconds } }

    It 'waits the server''s seconds plus 0-20 % jitter on 503 and 429, however many attempts came before' {
        $script:answers = [Collections.Queue]@(
            (New-Answer 0 'refused'), (New-Answer 0 'refused'), (New-Answer 0 'refused'), (New-Answer 0 'refused'), (New-Answer 0 'refused'),
            (New-Answer 503 '{"error":{"code":"unavailable"}}' '5'), (New-Answer 503 '{}' '5'), (New-Answer 429 '{}' '5'), (New-Answer 503 '{}' '5'), (New-Answer 200))
        Mock Invoke-KmsPost { $script:answers.Dequeue() }
        $script:Deadline = (Get-Date).AddSeconds(120)
        (Invoke-KmsWithRetry -Label 't' -Url 'http://x' -Json '{}' -Token 't').Status | Should -Be 200
        $waits = @($script:sleeps[5..8])
        foreach ($w in $waits) { $w | Should -BeGreaterOrEqual 5000; $w | Should -BeLessOrEqual 6000 }
        (@($waits | Sort-Object -Unique)).Count | Should -BeGreaterThan 1
        Get-TestLog | Should -Match 'retrying in \d+ ms \(Retry-After 5 s\)'
    }

    It 'caps a long Retry-After at 10 minutes (plus jitter)' {
        $d = @(1..20 | ForEach-Object { Get-RetryAfterDelay -Seconds 86400 })
        ($d | Measure-Object -Minimum -Maximum).Minimum | Should -BeGreaterOrEqual 600000
        ($d | Measure-Object -Minimum -Maximum).Maximum | Should -BeLessOrEqual 720000
    }

    It 'ends the run (exit 3, payload spooled) when the wait would pass the deadline' {
        Add-TestSpoolFile '20261121T100000000Z' 1 | Out-Null
        Save-TestToken
        $script:Deadline = (Get-Date).AddSeconds(60)
        Mock Invoke-KmsPost { New-Answer 503 '{"error":{"code":"unavailable"}}' '120' }
        $r = Send-KmsSpool
        $r.ExitCode | Should -Be 3
        Should -Invoke Invoke-KmsPost -Times 1 -Exactly
        $script:sleeps.Count | Should -Be 0
        (Get-SpoolEntries).Count | Should -Be 1
        Get-TestLog | Should -Match '\(Retry-After 120 s\); giving up for this run'
    }

    It 'does not wait for 503 enrollment_disabled: exit 2' {
        Add-TestSpoolFile '20261121T100000000Z' 1 | Out-Null
        $script:EnrollSecret = 's3cret'
        Mock Protect-AgentFile { }
        Mock Invoke-KmsPost { New-Answer 503 '{"error":{"code":"enrollment_disabled","message":"disabled","path":null}}' }
        (Send-KmsSpool).ExitCode | Should -Be 2
        Should -Invoke Invoke-KmsPost -Times 1 -Exactly
        Get-TestLog | Should -Match 'enrollment is disabled'
    }
}

Describe 'Retry-After on the wire' {
    It 'is read from a real HTTP 503 answer with the error code (the PowerShell 7 path; 5.1 reads the WebException)' {
        New-TestStateDir | Out-Null
        $probe = New-Object Net.Sockets.TcpListener([Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $listener = New-Object Net.HttpListener
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $server = [PowerShell]::Create()
        $null = $server.AddScript({
                param($l)
                $ctx = $l.GetContext()
                $ctx.Response.StatusCode = 503
                $ctx.Response.AddHeader('Retry-After', '7')
                $b = [Text.Encoding]::UTF8.GetBytes('{"error":{"code":"unavailable","message":"retry later","path":null}}')
                $ctx.Response.OutputStream.Write($b, 0, $b.Length)
                $ctx.Response.Close()
            }).AddArgument($listener)
        $pending = $server.BeginInvoke()
        try {
            $a = Invoke-KmsPost -Url "http://127.0.0.1:$port/api/v1/ingest" -Json '{}' -Token 't' -TimeoutSec 10
        } finally {
            $server.EndInvoke($pending) | Out-Null
            $server.Dispose()
            $listener.Stop()
        }
        $a.Status | Should -Be 503
        $a.RetryAfter | Should -Be '7'
        Get-KmsErrorCode $a.Body | Should -Be 'unavailable'
    }
}
