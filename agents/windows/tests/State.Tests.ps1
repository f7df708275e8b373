BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'state files' {
    BeforeEach { $dir = New-TestStateDir }

    It 'writes through a temp file and leaves none behind' {
        Write-TextFile (Join-Path $dir 'bookmarks.json') '{"Application":5}'
        Get-ChildItem -LiteralPath $dir -Filter '*.tmp' | Should -BeNullOrEmpty
        (Read-Bookmarks)['Application'] | Should -Be 5
    }

    It 'keeps the previous file whole when the rename never happens (crash between write and rename)' {
        Save-Bookmarks @{ Application = 7 }
        Mock Move-Item { throw 'simulated crash before the rename' }
        { Save-Bookmarks @{ Application = 8 } } | Should -Throw '*simulated crash*'
        (Read-Bookmarks)['Application'] | Should -Be 7
    }

    It 'round-trips bookmarks per log, the KMS log included' {
        Save-Bookmarks @{ Application = 12; 'Key Management Service' = 884213 }
        $b = Read-Bookmarks
        $b['Key Management Service'] | Should -Be 884213
        $b['Application'] | Should -Be 12
    }

    It 'sets a corrupt bookmark file aside and starts from no bookmarks instead of failing every run' {
        [IO.File]::WriteAllText((Join-Path $dir 'bookmarks.json'), '{"Application": 12')
        $b = Read-Bookmarks
        $b.Count | Should -Be 0
        Test-Path -LiteralPath (Join-Path $dir 'bookmarks.json.corrupt') | Should -BeTrue
        Get-Content -LiteralPath (Join-Path $dir 'agent.log') -Raw | Should -Match 'bookmarks.json is not valid JSON'
    }

    It 'treats an empty (half-written) counters file as new counters' {
        [IO.File]::WriteAllText((Join-Path $dir 'counters.json'), '')
        $c = Read-Counters
        $c.spoolCounter | Should -Be 0
        $c.droppedTotal | Should -Be 0
    }

    It 'reads the saved token only for the server it was issued by' {
        Write-TextFile (Join-Path $dir 'token.json') '{"server":"http://kmswatch.test","token":"t-1"}'
        Read-SavedToken | Should -Be 't-1'
        $script:ServerUrl = 'http://other.test'
        Read-SavedToken | Should -BeNullOrEmpty
    }
}
