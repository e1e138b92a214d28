# shtab.ps1: the secretary's commands in PowerShell on Windows, without make.
#   .\shtab.ps1 check        .\shtab.ps1 protocol 2026-03        .\shtab.ps1 watch
# On first use (and after pyproject.toml changes) it makes the program's environment in .venv with the
# Python launcher (py -3), then runs the console script .venv\Scripts\shtab.exe with the arguments given.
# Run it in the project's folder (the one with inputs\), or name it: C:\shtab\shtab.ps1 --project D:\Shtab check;
# a new Штаб: shtab.ps1 init D:\Shtab. Never this file's own folder unless you are in it (pipeline/core/project.py).
# Windows runs no downloaded script by default; once, for your account only:
#   Set-ExecutionPolicy -Scope CurrentUser RemoteSigned
# or run it as: powershell -ExecutionPolicy Bypass -File shtab.ps1 check
# Saved as UTF-8 with a byte order mark, so Windows PowerShell 5.1 reads the Kazakh and Russian messages.

$ErrorActionPreference = "Stop"
$Root = $PSScriptRoot
$Venv = Join-Path $Root ".venv"
$Python = Join-Path $Venv "Scripts\python.exe"
$Shtab = Join-Path $Venv "Scripts\shtab.exe"
$Project = Join-Path $Root "pyproject.toml"
$Stamp = Join-Path $Venv "installed-pyproject.toml"
# the folder the environment was installed for: its shtab.exe names it, so a moved project installs again
$Place = Join-Path $Venv "installed-for.txt"

function Stop-WithMessage([string]$Kazakh, [string]$Russian) {
    Write-Host $Kazakh
    Write-Host $Russian
    exit 1
}

$Fresh = (Test-Path $Stamp) -and ((Get-FileHash $Project).Hash -eq (Get-FileHash $Stamp).Hash) -and
    (Test-Path $Place) -and ((Get-Content -Raw $Place).Trim() -eq $Root)
if (-not (Test-Path $Python) -or -not $Fresh) {
    if (-not (Test-Path $Python)) {
        Write-Host "Бағдарлама ортасы бір рет жасалады (.venv), бір-екі минут күтіңіз..."
        Write-Host "Окружение программы создаётся один раз (.venv), подождите минуту-две..."
        if (Get-Command py -ErrorAction SilentlyContinue) {
            & py -3 -m venv $Venv
        } elseif (Get-Command python -ErrorAction SilentlyContinue) {
            & python -m venv $Venv
        } else {
            Stop-WithMessage `
                "Python 3 табылмады. Оны https://www.python.org/downloads/ сайтынан орнатыңыз (""py launcher"" белгісін қалдырыңыз), содан кейін қайта іске қосыңыз." `
                "Python 3 не найден. Установите его с https://www.python.org/downloads/ (оставьте отметку ""py launcher"") и запустите снова."
        }
        if ($LASTEXITCODE -ne 0) {
            Stop-WithMessage `
                "Бағдарлама ортасын жасау мүмкін болмады: жоғарыдағы хабарламаны қараңыз; .venv қалтасын өшіріп, қайта іске қосыңыз." `
                "Не удалось создать окружение программы: см. сообщение выше; удалите папку .venv и запустите снова."
        }
    }
    & $Python -m pip install --quiet --upgrade pip
    & $Python -m pip install --quiet -e $Root
    if ($LASTEXITCODE -ne 0) {
        Stop-WithMessage `
            "Бағдарлама ортасын жасау мүмкін болмады: интернет байланысын тексеріп, .venv қалтасын өшіріп, қайта іске қосыңыз." `
            "Не удалось установить программу: проверьте подключение к интернету, удалите папку .venv и запустите снова."
    }
    Copy-Item -Force $Project $Stamp
    Set-Content -Path $Place -Value $Root
}

& $Shtab @args
$Code = $LASTEXITCODE
exit $Code
