@echo off
rem shtab.bat: the secretary's commands on Windows, without make.
rem   shtab.bat check                   shtab.bat protocol 2026-03
rem   shtab.bat all                     shtab.bat pdf
rem   shtab.bat watch                   shtab.bat --help
rem On first use (and after pyproject.toml changes) it makes the program's environment in .venv
rem with the Python launcher (py -3), then runs the console script .venv\Scripts\shtab.exe with the
rem arguments given. Messages: Kazakh / Russian. This file is kept with CRLF line ends (.gitattributes).
rem Run it in the project's folder (the one with inputs\), or name it: C:\shtab\shtab.bat --project D:\Shtab check;
rem a new Штаб: shtab.bat init D:\Shtab. Never this file's own folder unless you are in it (pipeline/core/project.py).
setlocal
for /f "tokens=2 delims=:." %%c in ('chcp') do set "SHTAB_OLD_CP=%%c"
chcp 65001 >nul
set "ROOT=%~dp0"
set "VENV=%ROOT%.venv"
set "PY=%VENV%\Scripts\python.exe"
set "STAMP=%VENV%\installed-pyproject.toml"
rem the folder the environment was installed for: its shtab.exe names it, so a moved project installs again
set "PLACE=%VENV%\installed-for.txt"

if not exist "%PY%" goto create
if not exist "%STAMP%" goto install
fc /b "%ROOT%pyproject.toml" "%STAMP%" >nul 2>nul
if errorlevel 1 goto install
if not exist "%PLACE%" goto install
set "SHTAB_PLACE="
set /p SHTAB_PLACE=<"%PLACE%"
if /i not "%SHTAB_PLACE%"=="%ROOT%" goto install
goto run

:create
echo Бағдарлама ортасы бір рет жасалады (.venv), бір-екі минут күтіңіз...
echo Окружение программы создаётся один раз (.venv), подождите минуту-две...
where py >nul 2>nul
if errorlevel 1 goto nolauncher
py -3 -m venv "%VENV%"
if errorlevel 1 goto failed
goto install

:nolauncher
where python >nul 2>nul
if errorlevel 1 goto nopython
python -m venv "%VENV%"
if errorlevel 1 goto failed

:install
"%PY%" -m pip install --quiet --upgrade pip
"%PY%" -m pip install --quiet -e "%ROOT%."
if errorlevel 1 goto failed
copy /y "%ROOT%pyproject.toml" "%STAMP%" >nul
set /p "=%ROOT%" <nul >"%PLACE%"

:run
"%VENV%\Scripts\shtab.exe" %*
set "SHTAB_EXIT=%ERRORLEVEL%"
goto end

:nopython
echo Python 3 табылмады. Оны https://www.python.org/downloads/ сайтынан орнатыңыз ("py launcher" белгісін қалдырыңыз), содан кейін қайта іске қосыңыз.
echo Python 3 не найден. Установите его с https://www.python.org/downloads/ (оставьте отметку "py launcher") и запустите снова.
set "SHTAB_EXIT=1"
goto end

:failed
echo Бағдарлама ортасын жасау мүмкін болмады: жоғарыдағы хабарламаны қараңыз; интернет байланысын тексеріп, .venv қалтасын өшіріп, қайта іске қосыңыз.
echo Не удалось создать окружение программы: см. сообщение выше; проверьте подключение к интернету, удалите папку .venv и запустите снова.
set "SHTAB_EXIT=1"

:end
if defined SHTAB_OLD_CP chcp %SHTAB_OLD_CP% >nul
endlocal & exit /b %SHTAB_EXIT%
