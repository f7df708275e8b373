BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    function Save-TestToken { Write-TextFile (Join-Path $script:StateDir 'token.json') '{"server":"http://kmswatch.test","token":"t-old"}' }
}

Describe 'backoff' {
    BeforeEach { New-TestStateDir | Out-Null; $script:sleeps = @(); Mock Start-Sleep { $script:sleeps += $Milliseconds } }

    It 'retries network errors, 5xx, 408 and 429 with full jitter under a doubling ceiling' {
        $script:answers = [Collections.Queue]@((New-Answer 0 'refused'), (New-Answer 503), (New-Answer 408), (New-Answer 429), (New-Answer 502), (New-Answer 200))
        Mock Invoke-KmsPost { $script:answers.Dequeue() }
        (Invoke-KmsWithRetry -Label 't' -Url 'http://x' -Json '{}' -Token 't').Status | Should -Be 200
        $script:sleeps.Count | Should -Be 5
        for ($n = 0; $n -lt 5; $n++) { $script:sleeps[$n] | Should -BeLessThan (500 * [math]::Pow(2, $n)) }
    }

    It 'does not retry a 4xx answer' {
        Mock Invoke-KmsPost { New-Answer 400 }
        (Invoke-KmsWithRetry -Label 't' -Url 'http://x' -Json '{}' -Token 't').Status | Should -Be 400
        Should -Invoke Invoke-KmsPost -Times 1 -Exactly
    }

    It 'honours Retry-After (plus at most 20 % jitter) instead of the backoff' {
        $script:answers = [Collections.Queue]@((New-Answer 429 '{}' '3'), (New-Answer 200))
        Mock Invoke-KmsPost { $script:answers.Dequeue() }
        Invoke-KmsWithRetry -Label 't' -Url 'http://x' -Json '{}' -Token 't' | Out-Null
        $script:sleeps.Count | Should -Be 1
        $script:sleeps[0] | Should -BeGreaterOrEqual 3000
        $script:sleeps[0] | Should -BeLessOrEqual 3600
    }

    It 'gives up (returns null) when the next wait would pass the run deadline' {
        $script:Deadline = (Get-Date).AddSeconds(2)
        Mock Invoke-KmsPost { New-Answer 503 '{}' '60' }
        Invoke-KmsWithRetry -Label 't' -Url 'http://x' -Json '{}' -Token 't' | Should -BeNullOrEmpty
        Get-Content -LiteralPath (Join-Path $script:StateDir 'agent.log') -Raw | Should -Match 'giving up for this run'
    }
}

Describe 'enrollment and exit codes' {
    BeforeEach {
        New-TestStateDir | Out-Null
        Add-TestSpoolFile '20261121T100000000Z' 1 | Out-Null
        Mock Protect-AgentFile { }
    }

    It 'enrolls on first send with the secret, saves the token, exits 0' {
        $script:EnrollSecret = 's3cret'
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/enroll' } { New-Answer 201 '{"agentId":"a-1","token":"t-new"}' }
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' } { New-Answer 200 }
        (Send-KmsSpool).ExitCode | Should -Be 0
        (Get-Content -LiteralPath (Join-Path $script:StateDir 'token.json') -Raw | ConvertFrom-Json).token | Should -Be 't-new'
        Should -Invoke Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' -and $Token -eq 't-new' } -Times 1 -Exactly
        Should -Invoke Protect-AgentFile -Times 1
    }

    It 'sends the enroll body the API expects' {
        $script:EnrollSecret = 's3cret'
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/enroll' } { $script:enrollJson = $Json; New-Answer 201 '{"agentId":"a-1","token":"t-new"}' }
        Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' } { New-Answer 200 }
        Send-KmsSpool | Out-Null
        $script:enrollJson | Should -Match '^\{"enrollSecret":"s3cret","hostname":"WS-TEST","fqdn":"ws-test.corp.contoso.com","installationKey":"[A-Za-z0-9_-]{43}"\}$'
    }

    It 'exits 2 and keeps the payload: <Case>' -ForEach @(
        @{ Case = 'no token and no secret'; HasToken = $false; Answer = { throw 'must not be called' }; Logged = 'not enrolled yet' }
        @{ Case = '401 without the secret'; HasToken = $true; Answer = { New-Answer 401 '{"error":"revoked"}' }; Logged = 'token revoked or unknown' }
    ) {
        if ($HasToken) { Save-TestToken }
        Mock Invoke-KmsWithRetry -MockWith $Answer
        (Send-KmsSpool).ExitCode | Should -Be 2
        Get-Content -LiteralPath (Join-Path $script:StateDir 'agent.log') -Raw | Should -Match $Logged
        (Get-SpoolEntries).Count | Should -Be 1
    }

    Context '401 on the saved token, with the enroll secret' {
        BeforeEach {
            Save-TestToken
            $script:EnrollSecret = 's3cret'
            Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/enroll' } { New-Answer 201 '{"agentId":"a-2","token":"t-new"}' }
        }

        It 're-enrolls once and resends the same payload' {
            Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' } { if ($Token -eq 't-old') { New-Answer 401 '{"error":"revoked"}' } else { New-Answer 200 } }
            $r = Send-KmsSpool
            $r.ExitCode | Should -Be 0
            $r.Sent | Should -Be 1
            Should -Invoke Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/enroll' } -Times 1 -Exactly
        }

        It 'exits 2 when the fresh token is refused too (no enroll loop)' {
            Mock Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/ingest' } { New-Answer 401 }
            (Send-KmsSpool).ExitCode | Should -Be 2
            Should -Invoke Invoke-KmsWithRetry -ParameterFilter { $Url -like '*/enroll' } -Times 1 -Exactly
        }
    }

    It 'exits 2 when the server refuses the enroll secret' {
        $script:EnrollSecret = 'wrong'
        Mock Invoke-KmsWithRetry { New-Answer 401 '{"error":"bad secret"}' }
        (Send-KmsSpool).ExitCode | Should -Be 2
        Get-Content -LiteralPath (Join-Path $script:StateDir 'agent.log') -Raw | Should -Match 'refused the enroll secret'
    }

    It 'exits 3 when the server is unreachable for the whole run' {
        Save-TestToken
        Mock Invoke-KmsWithRetry { $null }
        $r = Send-KmsSpool
        $r.ExitCode | Should -Be 3
        (Get-SpoolEntries).Count | Should -Be 1
    }
}
