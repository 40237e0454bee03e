@echo off
rem The office console for Windows: double-click this file (or start it at logon, README), then work in the
rem browser at http://127.0.0.1:8080/. It runs from the folder the bundle was unpacked to, so input\, output\ and
rem config\ are found whatever folder it is started from. Close this window (or press Ctrl-C) to stop it.
setlocal
cd /d "%~dp0.."
rem the browser opens once the console has had time to start (ping waits about 10 s, with or without a console to read)
start "" /b cmd /c "ping -n 11 127.0.0.1 >nul & start http://127.0.0.1:8080/"
call "%~dp0union-review.cmd" serve %*
exit /b %errorlevel%
