// Tells names and paths that belong to other projects (the C library, sanitizer runtimes, `std::`,
// the Python and Node standard libraries, system paths) or to a build (`./src/tool`, `a.out`) from
// the project's own, so that a stack frame through libc never counts against a report.

const cLibrary = new Set(
  (
    'malloc calloc realloc reallocarray free memcpy memmove memset memcmp memchr memrchr memmem ' +
    'strcpy strncpy strlcpy strlcat strcat strncat strlen strnlen strcmp strncmp strcasecmp ' +
    'strncasecmp strchr strrchr strstr strcasestr strdup strndup strtok strtok_r strspn strcspn ' +
    'strpbrk strerror strtol strtoll strtoul strtoull strtod strtof atoi atol atoll atof sprintf ' +
    'snprintf vsnprintf vsprintf asprintf vasprintf printf fprintf vfprintf dprintf puts fputs ' +
    'putc fputc putchar gets fgets getc fgetc getchar ungetc scanf sscanf fscanf fopen fdopen ' +
    'freopen fclose fflush fread fwrite fseek ftell rewind feof ferror clearerr fileno read write ' +
    'pread pwrite open openat close lseek stat fstat lstat access unlink rename mkdir rmdir ' +
    'opendir readdir closedir realpath readlink symlink link chmod chown umask dup dup2 pipe mmap ' +
    'munmap mprotect brk sbrk recv send recvfrom sendto recvmsg sendmsg socket bind listen accept ' +
    'accept4 connect select poll epoll_wait epoll_ctl shutdown getaddrinfo freeaddrinfo ' +
    'gethostbyname inet_pton inet_ntop htons htonl ntohs ntohl exit _exit atexit abort raise ' +
    'kill assert main system exec execl execlp execv execve execvp fork vfork waitpid wait popen ' +
    'pclose alloca perror errno signal sigaction setjmp longjmp qsort bsearch getenv setenv ' +
    'unsetenv time clock gettimeofday clock_gettime localtime gmtime strftime mktime sleep usleep ' +
    'nanosleep rand srand random srandom isalpha isdigit isalnum isspace isupper islower isxdigit ' +
    'isprint iscntrl ispunct toupper tolower iconv iconv_open setlocale wcslen mbstowcs wcstombs ' +
    'pthread_create pthread_join pthread_mutex_lock pthread_mutex_unlock pthread_once ' +
    'pthread_cond_wait pthread_cond_signal start_thread clone clone3 _start sizeof offsetof ' +
    'va_start va_end va_arg va_copy'
  ).split(' '),
);

// Macros and constants of the C library, POSIX and the compilers (O_NOFOLLOW is the system's).
const cConstants = new Set(
  (
    'SIZE_MAX SSIZE_MAX INT_MAX INT_MIN UINT_MAX LONG_MAX LONG_MIN ULONG_MAX LLONG_MAX LLONG_MIN ' +
    'ULLONG_MAX SHRT_MAX USHRT_MAX CHAR_BIT CHAR_MAX UCHAR_MAX INT8_MAX INT16_MAX INT32_MAX ' +
    'INT64_MAX UINT8_MAX UINT16_MAX UINT32_MAX UINT64_MAX INTPTR_MAX UINTPTR_MAX PTRDIFF_MAX ' +
    'PATH_MAX NAME_MAX PIPE_BUF BUFSIZ EOF FILENAME_MAX DBL_MAX FLT_MAX RAND_MAX NULL EXIT_FAILURE ' +
    'EXIT_SUCCESS STDIN_FILENO STDOUT_FILENO STDERR_FILENO SEEK_SET SEEK_CUR SEEK_END ' +
    'MAP_FAILED MAP_PRIVATE MAP_SHARED MAP_ANONYMOUS PROT_READ PROT_WRITE PROT_EXEC AF_INET ' +
    'AF_INET6 AF_UNIX SOCK_STREAM SOCK_DGRAM SIGSEGV SIGABRT SIGBUS SIGFPE SIGILL SIGKILL SIGPIPE ' +
    'SIGTERM SIGINT SIGCHLD EINVAL ENOMEM ERANGE EAGAIN EINTR ENOENT EACCES EPERM EEXIST EBADF ' +
    'EOVERFLOW _GNU_SOURCE _POSIX_C_SOURCE _FORTIFY_SOURCE __FILE__ __LINE__ __func__'
  ).split(' '),
);
// Listed by name, not by prefix: an invented `O_NOFOLOW` must still be checked against the project.
const systemConstants = new Set(
  (
    'O_RDONLY O_WRONLY O_RDWR O_CREAT O_EXCL O_TRUNC O_APPEND O_NOFOLLOW O_CLOEXEC O_NONBLOCK ' +
    'O_DIRECTORY O_TMPFILE O_NOCTTY O_SYNC O_DSYNC O_PATH O_LARGEFILE S_IRUSR S_IWUSR S_IXUSR ' +
    'S_IRWXU S_IRGRP S_IROTH S_IFREG S_IFDIR S_IFLNK S_IFMT S_ISUID S_ISGID F_GETFL F_SETFL F_GETFD ' +
    'F_SETFD F_DUPFD FD_CLOEXEC AT_FDCWD AT_SYMLINK_NOFOLLOW AT_REMOVEDIR SO_REUSEADDR SOL_SOCKET ' +
    'MSG_NOSIGNAL MSG_PEEK RLIMIT_STACK RLIMIT_AS CLOCK_MONOTONIC CLOCK_REALTIME SA_RESTART ' +
    'SIG_IGN SIG_DFL'
  ).split(' '),
);
// Environment variables and settings of tools, not of the project.
const toolSettings = new Set(
  (
    'ASAN_OPTIONS UBSAN_OPTIONS MSAN_OPTIONS LSAN_OPTIONS TSAN_OPTIONS HWASAN_OPTIONS ' +
    'ASAN_SYMBOLIZER_PATH LLVM_PROFILE_FILE CFLAGS CXXFLAGS LDFLAGS CPPFLAGS LIBS CC CXX ' +
    'LD_PRELOAD LD_LIBRARY_PATH DYLD_INSERT_LIBRARIES DYLD_LIBRARY_PATH MALLOC_CHECK_ ' +
    'MALLOC_PERTURB_ GLIBC_TUNABLES PYTHONPATH PYTHONHOME PYTHONMALLOC PKG_CONFIG_PATH HOME PATH ' +
    'HTTP_PROXY HTTPS_PROXY NO_PROXY ALL_PROXY FTP_PROXY SSL_CERT_FILE SSL_CERT_DIR TMPDIR'
  ).split(' '),
);

// The browser's own constructors and functions, which an XSS payload calls
// (`new Image().src = …`, `alert(document.cookie)`): a page's script, not the project's code.
const browserGlobals = new Set(
  (
    'Image Audio XMLHttpRequest FormData FileReader EventSource MutationObserver ' +
    'URLSearchParams alert confirm atob btoa localStorage sessionStorage'
  ).split(' '),
);

// Frames and symbols of runtimes and sanitizers.
const runtimeSymbol =
  /^(?:__interceptor_|__asan_|__ubsan_|__msan_|__tsan_|__lsan_|__sanitizer_|__libc_|__GI_|__memcpy_|__strlen_|__nss_|_dl_|__cxa_|__gxx_|_Unwind_|_IO_|__pthread_|__wrap_|__real_|__fortify_|__builtin_)/;
const runtimeOwner =
  /^(?:std|__gnu_cxx|__cxxabiv1|boost|absl|Object|JSON|Math|Array|Promise|Buffer|console|process|String|Number|Reflect|Date|RegExp|Symbol|Map|Set|WeakMap|Error|Intl|globalThis|window|document|fs|path|os|http|https|net|tls|dgram|dns|url|util|zlib|crypto|stream|events|child_process|cluster|worker_threads|vm|querystring|assert|readline|module|sys|subprocess|pickle|marshal|yaml|json|re|shutil|socket|struct|ctypes|io|codecs|urllib|xml|html|email|base64|hashlib|hmac|ssl|tempfile|glob|logging|threading|multiprocessing|asyncio|collections|itertools|functools|operator|string|builtins|typing|fmt|strings|bytes|ioutil|bufio|strconv|Vec|Box|Rc|Arc|Option|Result|System|Runtime|Integer|StringBuilder|StringBuffer|Collections|Arrays|Files|Paths|Thread)(?:\.|::)/;
// Go's standard library called the Go way, package then an exported name: `unsafe.Pointer`,
// `ed25519.Verify`, `atomic.AddInt64`. A lower-case name after the dot is not Go's export, and
// the packages are listed so that the project's own `server.Run` stays the project's.
const goStandardCall =
  /^(?:unsafe|sync|atomic|bytes|strings|strconv|fmt|bufio|io|ioutil|os|exec|signal|filepath|path|time|context|errors|sort|slices|maps|runtime|debug|pprof|reflect|regexp|math|bits|big|rand|binary|utf8|utf16|unicode|base64|base32|hex|pem|asn1|x509|tls|ed25519|ecdsa|elliptic|rsa|aes|cipher|hmac|sha1|sha256|sha512|md5|subtle|crc32|fnv|hash|flate|gzip|zlib|zip|tar|json|xml|csv|gob|http|httptest|httputil|url|net|mime|multipart|textproto|syscall|log|slog|testing|heap|list|ring|template|embed|iter|netip)\.[A-Z]\w*$/;
// Stack frames in a shared library other than the project's: `(/lib/x86_64-linux-gnu/libc.so.6+0x29d90)`.
const systemModule =
  /\b(?:libc|libasan|libubsan|libmsan|libtsan|liblsan|libhwasan|libpthread|libdl|libm|librt|libstdc\+\+|libc\+\+|libc\+\+abi|libgcc_s|ld-linux[\w-]*|ld-musl[\w-]*|libsystem_[\w]+|libdyld|ntdll|kernel32|KERNELBASE|ucrtbase|msvcrt|node|python3?(?:\.\d+)?|libpython[\d.]*)(?:\.so[\d.]*|\.dylib|\.dll|\.exe)?\b/;
const pythonStdlibPath =
  /(?:^|\/)(?:usr\/(?:local\/)?lib\/python\d[\d.]*|lib\/python\d[\d.]*|site-packages|dist-packages)\//;

const systemPath =
  /^(?:\/(?:etc|proc|sys|dev|tmp|var|run|usr|lib|lib32|lib64|bin|sbin|root|boot|mnt|media|snap|private|opt|nix|System|Library|Applications)\/|~\/|[A-Za-z]:\\)/;
// What a build makes: binaries, libraries, objects and build folders.
const buildFolder =
  /^(?:\.\/)?(?:build|builds|_build|cmake-build-[\w-]+|out|obj|bin|dist|target\/(?:debug|release)|\.libs|\.deps|node_modules|CMakeFiles|Debug|Release|x64|\.venv|venv|__pycache__)\//;
// What a package manager installs into the application: Composer's `vendor/autoload.php` and
// `vendor/composer/`, Bundler's `vendor/bundle/`.
const packageManagerOutput = /^(?:\.\/)?vendor\/(?:autoload\.php$|composer\/|bundle\/)/;
const buildArtifact =
  /(?:^|\/)(?:a\.out|[\w.-]+\.(?:o|obj|a|so(?:\.\d+)*|dylib|dll|exe|lo|la|pyc|class|wasm|node))$/;
const runWithDotSlash = /^\.\/(?:[\w.-]+\/)*[\w-]+$/;

// A JVM name qualified by its package (`io.ktor.http.cio.Parser.parse`, `java.util.Arrays.copyOf`):
// reverse-domain packages are anyone's (the repository tells), the platform's are not the project's.
// Python's and Node's `io`, `net`, `http` modules have no lower-case sub-packages, so
// `io.ktor.`, `net.minecraft.` are read here and `io.BytesIO`, `http.client.X` are not.
const jvmQualifiedName = /^(?:com|org|io|net|dev|me|edu|gov|app|co)\.[a-z][\w$]*\./;
const jvmPlatformName =
  /^(?:java|javax|jdk|sun|com\.sun|kotlin|kotlinx|scala|android|androidx|dalvik|Microsoft)\.[\w$]/;

/** Whose a name is when it is not the project's ("the C library"); null for the project's own. */
export function classifyExternalName(name: string): string | null {
  const bare = name.replace(/\(\)$/, '');
  if (jvmPlatformName.test(bare) && /\.[\w$]+\./.test(bare)) return 'a language standard library';
  if (jvmQualifiedName.test(bare)) return null;
  if (cLibrary.has(bare)) return 'the C library';
  if (cConstants.has(bare)) return 'the C library or the compiler';
  if (systemConstants.has(bare)) return 'the operating system';
  if (toolSettings.has(bare)) return 'a tool setting (environment variable)';
  if (browserGlobals.has(bare)) return "the browser (a page's script)";
  if (runtimeSymbol.test(bare)) return 'a system or sanitizer runtime';
  if (runtimeOwner.test(bare)) return 'a language standard library';
  if (goStandardCall.test(bare)) return "Go's standard library";
  return null;
}

// The binary a runtime's own dump names in brackets (`[node]`, `[/usr/bin/node]`,
// `[libjvm.so+0x6d1a2b]`): the interpreter or virtual machine, not the program it ran.
const runtimeBinaries: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^(?:node|nodejs|node\.exe|libnode\.(?:so[\d.]*|dylib|dll)|libuv\.(?:so[\d.]*|dylib|dll))$/,
    'the Node.js runtime',
  ],
  [/^(?:java|libjvm\.(?:so|dylib)|jvm\.dll)$/, 'the Java virtual machine'],
  [
    /^(?:python[\d.]*|libpython[\d.]*\.(?:so[\d.]*|dylib)|python[\d]*\.dll)$/,
    'the Python interpreter',
  ],
];

/** The runtime whose binary a bracketed frame module names (`[node]`), or null. */
function classifyBracketedModule(location: string): string | null {
  const inside = /^\[([^\]]+)\]$/.exec(location.trim())?.[1];
  if (inside === undefined) return null;
  const path = inside.replace(/\+0x[0-9a-fA-F]+$/, '');
  const binary = path.slice(path.lastIndexOf('/') + 1);
  return runtimeBinaries.find(([pattern]) => pattern.test(binary))?.[1] ?? null;
}

/** A stack frame's module (`/lib/x86_64-linux-gnu/libc.so.6`) or file outside the project. */
export function classifyExternalFrame(location: string): string | null {
  const runtime = classifyBracketedModule(location);
  if (runtime !== null) return runtime;
  if (/^node:/.test(location) || /^internal\//.test(location)) return 'the Node.js runtime';
  if (pythonStdlibPath.test(location))
    return 'the Python standard library or a third-party package';
  const module = location.slice(location.lastIndexOf('/') + 1);
  if (systemModule.test(module) && !/\.(?:c|cc|cpp|h|py|js|ts|go|rs|java)(?::\d+)*$/.test(module))
    return 'a system library';
  return null;
}

/** Whose a path is when it is not a project file: a system path or something a build made. */
// A path that climbs out of where the reader stands (`../config/database.php`, a traversal
// payload's target) names no file from the repository's root.
const climbingPath = /^(?:\.\.[\\/])+/;

export function classifyExternalPath(path: string): string | null {
  if (systemPath.test(path)) return 'the system';
  if (climbingPath.test(path)) return 'a path outside the repository (../)';
  if (buildFolder.test(path)) return 'a build output';
  if (packageManagerOutput.test(path)) return "a package manager's installed files";
  if (buildArtifact.test(path)) return 'a build output';
  // `./src/tool` and `./xmlwf/xmlwf` run a program that was built; a source file has an extension.
  if (runWithDotSlash.test(path)) return 'a build output';
  return null;
}

// "in `config/loader.py` of our service", "from my `app.py`": the reporter says the file is theirs.
const ownedAfter = /^[`'"]?\)?,?[ \t]{0,3}(?:of|in|from)[ \t]{1,3}(?:our|my)\b/i;
const ownedBefore = /\b(?:our|my)[ \t]{1,3}(?:own[ \t]{1,3})?[`'"]?$/i;

/**
 * Whose a cited path is when the report says it is the reporter's own (`config/loader.py` of our
 * service, our `app/views.py`): the reporter's code, not a file of the project. Reads at most a
 * few dozen characters either side of the path.
 */
export function classifyOwnedPath(
  body: string,
  span: { start: number; end: number },
): string | null {
  const after = body.slice(span.end, span.end + 24);
  const before = body.slice(Math.max(0, span.start - 16), span.start);
  return ownedAfter.test(after) || ownedBefore.test(before) ? "the reporter's own code" : null;
}
