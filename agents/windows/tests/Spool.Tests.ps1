BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'spool' {
    BeforeEach { $dir = New-TestStateDir }

    It 'lists payloads oldest first and ignores a half-written .tmp file' {
        Add-TestSpoolFile '20261125T100000000Z' 2 | Out-Null
        Add-TestSpoolFile '20261124T100000000Z' 9 | Out-Null
        [IO.File]::WriteAllText((Join-Path $dir 'spool/20261123T100000000Z-0000000001.json.tmp'), '{"collectedAt":')
        (Get-SpoolEntries).Name | Should -Be @('20261124T100000000Z-0000000009.json', '20261125T100000000Z-0000000002.json')
    }

    It 'names payloads so that a name sort is the collection order' {
        $a = Get-SpoolName -Counter 9
        Start-Sleep -Milliseconds 5
        $b = Get-SpoolName -Counter 10
        @($b, $a) | Sort-Object | Select-Object -First 1 | Should -Be $a
        $a | Should -Match '^\d{8}T\d{9}Z-0000000009\.json$'
    }

    It 'drops payloads older than the age bound, never the newest' {
        $old = (Get-Date).ToUniversalTime().AddDays(-20).ToString("yyyyMMdd'T'HHmmssfff'Z'")
        $older = (Get-Date).ToUniversalTime().AddDays(-30).ToString("yyyyMMdd'T'HHmmssfff'Z'")
        Add-TestSpoolFile $older 1 | Out-Null
        Add-TestSpoolFile $old 2 | Out-Null
        $dropped = Limit-Spool -MaxBytes 1MB -MaxAgeDays 14
        $dropped.Count | Should -Be 1
        (Get-SpoolEntries).Count | Should -Be 1
    }

    It 'drops the oldest until the size bound holds' {
        $big = '{"x":"' + ('a' * 1000) + '"}'
        1..4 | ForEach-Object { Add-TestSpoolFile ('2026112{0}T100000000Z' -f $_) $_ $big | Out-Null }
        $dropped = Limit-Spool -MaxBytes 2100 -MaxAgeDays 10000
        $dropped | Should -Be @('20261121T100000000Z-0000000001.json', '20261122T100000000Z-0000000002.json')
        (Get-SpoolEntries).Name | Should -Be @('20261123T100000000Z-0000000003.json', '20261124T100000000Z-0000000004.json')
    }

    It 'deletes a payload only after a 200, in order, and keeps the rest when the server goes away' {
        Write-TextFile (Join-Path $dir 'token.json') '{"server":"http://kmswatch.test","token":"t-1"}'
        Add-TestSpoolFile '20261121T100000000Z' 1 | Out-Null
        Add-TestSpoolFile '20261122T100000000Z' 2 | Out-Null
        $script:posted = @()
        Mock Invoke-KmsWithRetry {
            $script:posted += $Label
            if ($script:posted.Count -eq 1) { New-Answer 200 } else { $null }
        }
        $r = Send-KmsSpool
        $r.ExitCode | Should -Be 3
        $r.Sent | Should -Be 1
        $script:posted | Should -Be @('send 20261121T100000000Z-0000000001.json', 'send 20261122T100000000Z-0000000002.json')
        (Get-SpoolEntries).Name | Should -Be @('20261122T100000000Z-0000000002.json')
    }

    It 'moves a payload the server refuses (a truncated file: 400) to rejected/ and goes on' {
        Write-TextFile (Join-Path $dir 'token.json') '{"server":"http://kmswatch.test","token":"t-1"}'
        Add-TestSpoolFile '20261121T100000000Z' 1 '{"collectedAt":"2026-11' | Out-Null
        Add-TestSpoolFile '20261122T100000000Z' 2 | Out-Null
        Mock Invoke-KmsWithRetry { if ($Json -match '^\{"collectedAt":"2026-11$') { New-Answer 400 '{"error":"invalid JSON"}' } else { New-Answer 200 } }
        $r = Send-KmsSpool
        $r.ExitCode | Should -Be 0
        $r.Rejected | Should -Be 1
        $r.Sent | Should -Be 1
        Get-Content -LiteralPath (Join-Path $dir 'rejected/20261121T100000000Z-0000000001.json.error.txt') -Raw | Should -Match '^400 .*invalid JSON'
        Get-SpoolEntries | Should -BeNullOrEmpty
    }
}
