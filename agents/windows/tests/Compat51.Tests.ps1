BeforeAll {
    Set-StrictMode -Version Latest
    . (Join-Path $PSScriptRoot 'Find-Ps7Only.ps1')
    $script:Windows = Resolve-Path (Join-Path $PSScriptRoot '..')
}

BeforeDiscovery {
    # Every shipped script: what install.ps1 copies, plus install and uninstall themselves.
    $root = Resolve-Path (Join-Path $PSScriptRoot '..')
    $shipped = @(Get-ChildItem -Path $root -Filter '*.ps1') + @(Get-ChildItem -Path (Join-Path $root 'lib') -Filter '*.ps1')
    $script:Shipped = @($shipped | ForEach-Object { @{ Name = $_.FullName.Substring($root.Path.Length + 1); Path = $_.FullName } })
}

Describe 'Windows PowerShell 5.1 compatibility' {
    It '<Name> uses nothing 5.1 lacks' -ForEach $script:Shipped {
        @(Find-Ps7OnlySyntax -Path $Path) | Should -Be @()
    }

    It 'finds every 7-only construct, naming file and line' {
        $bad = @(
            '$a = $b ?? 1'
            '$a ??= 1'
            '$c = ${b}?.Name; $e = $b?.Name'
            '$d = $b ? 1 : 2'
            'Get-Item x && Get-Item y'
            '1..3 | ForEach-Object -Parallel { $_ }'
            '$h = ''{}'' | ConvertFrom-Json -AsHashtable'
            'Invoke-WebRequest -Uri x -UseBasicParsing -SkipHttpErrorCheck'
            'Invoke-RestMethod -Uri x -UseBasicParsing -ResponseHeadersVariable h'
            '$o = [ordered]$h'
            'if ($IsWindows) { }'
            'Set-Content -Path x -Value y -Encoding utf8NoBOM'
            'Join-Path a b c'
            'Invoke-WebRequest -Uri x'
            'Get-Content x -AsByteStream'
            '$s = "`u{2713}"'
        ) -join "`n"
        $found = @(Find-Ps7OnlySyntax -Path 'bad.ps1' -Text $bad)
        $lines = @($found | ForEach-Object { [int]($_ -split ':')[1] } | Sort-Object -Unique)
        $lines | Should -Be (1..16)
        $found | Should -Contain "bad.ps1:7: ConvertFrom-Json -AsHashtable (pwsh 6+)"
        $found | Should -Contain "bad.ps1:4: ternary '? :' (pwsh 7)"
    }

    It 'accepts what 5.1 accepts' {
        $good = '$o = [ordered]@{ a = 1 }; $x = if ($o) { 1 } else { 2 }; Invoke-WebRequest -Uri x -UseBasicParsing; Join-Path a ''b\c''; $n = $null; ConvertTo-Json -InputObject $o -Depth 8'
        @(Find-Ps7OnlySyntax -Path 'good.ps1' -Text $good) | Should -Be @()
    }
}
