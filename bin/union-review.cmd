@echo off
rem union-review for Windows, with the same JVM settings as bin/union-review (docs/performance.md):
rem  - on a Java 25 runtime or later, the JDK's AOT cache (union-review-<java version>.aot beside the jar),
rem    recorded by the first `run` and written by a second JVM after it, mapped by every later command
rem    (not for a year of 50,000 branches or more);
rem  - on Java 17 to 24, a class-data-sharing archive of the application's classes (union-review.jsa beside
rem    the jar), written when the first `run` exits and used by every later command;
rem  - for a year of fewer than 50,000 registry branches, the client compiler only;
rem  - the parallel collector, unless JAVA_OPTS names one.
rem Other JVM options go in JAVA_OPTS (they come last and win), e.g. set JAVA_OPTS=-Xmx512m
rem Same arguments as `java -jar union-review.jar`. Needs a Java runtime 17 or later: java on the PATH,
rem or JAVA_HOME set.
setlocal EnableExtensions EnableDelayedExpansion
chcp 65001 >nul
set "ROOT=%~dp0.."
set "JAR=%UNION_REVIEW_JAR%"
if not defined JAR set "JAR=%ROOT%\target\union-review.jar"
if not exist "%JAR%" set "JAR=%ROOT%\union-review.jar"
if not exist "%JAR%" (
    echo union-review: %JAR% not found; build it first: mvn -q -DskipTests package 1>&2
    exit /b 2
)
set "ARCHIVE=%JAR:~0,-4%.jsa"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"

rem the year's registry, when the command names a year: its size says how long the run will be
set "YEAR="
set "INPUT=input"
set "PREV="
for %%A in (%*) do (
    if "!PREV!"=="--year" set "YEAR=%%~A"
    if "!PREV!"=="--input" set "INPUT=%%~A"
    set "PREV=%%~A"
)
set /a BRANCHES=0
if defined YEAR if exist "%INPUT%\%YEAR%\registry.csv" (
    for /f %%N in ('type "%INPUT%\%YEAR%\registry.csv" ^| find /c /v ""') do set /a BRANCHES=%%N
)
set "OPTS=-Xlog:cds*=off"
if %BRANCHES% LSS 50000 set "OPTS=%OPTS% -XX:TieredStopAtLevel=1"
echo(%JAVA_OPTS% | findstr /r /c:"-XX:+Use[A-Za-z]*GC" >nul || set "OPTS=%OPTS% -XX:+UseParallelGC"

rem the runtime's version from its release file, not by starting a JVM to ask
set "VERSION="
set "HOME_OF_JAVA=%JAVA_HOME%"
if not defined HOME_OF_JAVA for /f "delims=" %%J in ('where java 2^>nul') do if not defined HOME_OF_JAVA set "HOME_OF_JAVA=%%~dpJ.."
if exist "%HOME_OF_JAVA%\release" for /f "tokens=2 delims==" %%V in ('findstr /b "JAVA_VERSION=" "%HOME_OF_JAVA%\release"') do set "VERSION=%%~V"
set /a MAJOR=0
if defined VERSION for /f "tokens=1 delims=." %%M in ("%VERSION%") do set /a MAJOR=%%M
rem a national run keeps the optimising compiler, which a cache recorded by client-compiler runs slows: no cache
if %MAJOR% GEQ 25 if %BRANCHES% GEQ 50000 (
    "%JAVA%" %OPTS% %JAVA_OPTS% -jar "%JAR%" %*
    exit /b !errorlevel!
)
if %MAJOR% GEQ 25 (
    set "OPTS=%OPTS% -Xlog:aot*=off"
    set "CACHE=%JAR:~0,-4%-%VERSION%.aot"
    if exist "!CACHE!" (
        "%JAVA%" !OPTS! "-XX:AOTCache=!CACHE!" %JAVA_OPTS% -jar "%JAR%" %*
        exit /b !errorlevel!
    )
    if /i "%~1"=="run" (
        rem the recording JVM says where it wrote on standard output, after the run folder: it is kept silent
        "%JAVA%" !OPTS! -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -XX:AOTMode=record "-XX:AOTConfiguration=!CACHE!.config" %JAVA_OPTS% -jar "%JAR%" %*
        set RC=!errorlevel!
        if exist "!CACHE!.config" "%JAVA%" !OPTS! -XX:AOTMode=create "-XX:AOTConfiguration=!CACHE!.config" "-XX:AOTCache=!CACHE!.partial" -jar "%JAR%" >nul 2>&1
        if exist "!CACHE!.partial" move /y "!CACHE!.partial" "!CACHE!" >nul
        if exist "!CACHE!.config" del "!CACHE!.config"
        exit /b !RC!
    )
    "%JAVA%" !OPTS! %JAVA_OPTS% -jar "%JAR%" %*
    exit /b !errorlevel!
)

if exist "%ARCHIVE%" (
    "%JAVA%" %OPTS% "-XX:SharedArchiveFile=%ARCHIVE%" %JAVA_OPTS% -jar "%JAR%" %*
    exit /b !errorlevel!
)
if /i "%~1"=="run" (
    rem written under a name of its own and renamed when complete, so a run started meanwhile never maps half an archive
    "%JAVA%" %OPTS% "-XX:ArchiveClassesAtExit=%ARCHIVE%.partial" %JAVA_OPTS% -jar "%JAR%" %*
    set RC=!errorlevel!
    if exist "%ARCHIVE%.partial" move /y "%ARCHIVE%.partial" "%ARCHIVE%" >nul
    exit /b !RC!
)
"%JAVA%" %OPTS% %JAVA_OPTS% -jar "%JAR%" %*
exit /b !errorlevel!
