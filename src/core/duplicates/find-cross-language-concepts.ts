// Reads what a report is about in words that survive translation, so a second finder writing in
// German, French or Spanish who names no function or file can still be matched to the first
// report (rule 3m): the *concepts* of the bug (heap overflow, backslash, chunk size, bypass),
// each spelled in the languages the engine reads and mapped onto one English name, and the
// *concrete anchors* no finder translates (protocol elements such as `EDNS` or `NSID`, header
// names, configuration directives such as `try_files`, percent-encodings, odd literals such as
// `1_0`). A sanitizer's error kind and access are no anchor here: distinct bugs of one C project
// share `heap-buffer-overflow` and `WRITE of size 2` (rule 3l compares the whole crash).

import { isUniversalName, removePathsAndDottedNames } from './find-technical-tokens.js';

// JavaScript's `\b` knows ASCII letters only: before an accented letter (`élément`) it never
// matches, so such a spelling starts after anything but a letter instead.
/** One concept: its canonical English name and its spellings in English, German, French, Spanish. */
const conceptSpellings: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'heap overflow',
    /heap[- ]?(?:buffer[- ])?overflow|heap-?überlauf|heap-?ueberlauf|débordement de tas|dépassement de tas|desbordamiento de (?:montículo|heap)/,
  ],
  [
    'buffer overflow',
    /buffer overflow|puffer-?überlauf|puffer-?ueberlauf|dépassement de tampon|débordement de tampon|desbordamiento de búfer/,
  ],
  [
    'crash',
    /\bcrash|\babort|absturz|abstürz|\bstürzt|plantage|\bplante\b|se bloque|cierre inesperado|\bcae\b|\btravament|\bsi blocca|arresto anomalo/,
  ],
  [
    'request',
    /\brequests?\b|\bquer(?:y|ies)\b|\banfragen?\b|\brequêtes?\b|\bsolicitud|\bpetici[oó]n|\bconsultas?\b/,
  ],
  ['reply', /\brepl(?:y|ies)\b|\bresponses?\b|\banswer|\bantwort|\bréponses?\b|\brespuestas?\b/],
  ['option', /\boptions?\b|\boptionen\b|\bopci[oó]n|\bopciones\b/],
  [
    'write',
    /\bwrit(?:e|es|ing|ten)\b|\bschreib|(?<![a-zà-ÿ])écri(?:t|re|ture)|\bescrib|\bescritura/,
  ],
  [
    'default configuration',
    /\bdefaults?\b|standardkonfiguration|standard-konfiguration|par défaut|por defecto|predeterminad/,
  ],
  ['cache', /\bcach(?:e|é)\b/],
  ['backslash', /backslash|barre oblique inverse|antislash|barra invertida|contrabarra/],
  [
    'separator',
    /\bseparators?\b|\bslash\b|schrägstrich|trennzeichen|séparateur|barre oblique|separador|\bbarra\b/,
  ],
  ['path', /\bpaths?\b|\bpfad|\bchemins?\b|\brutas?\b/],
  ['protected', /\bprotect|geschützt|geschuetzt|\bschütz|\bprotég|\bproteg/],
  [
    'credentials',
    /\bpasswords?\b|\bcredentials?\b|\bpasswort|\bkennwort|mot de passe|identifiants|contraseña|credenciales/,
  ],
  [
    'authentication',
    /\bauthenticat|\blogin\b|authentifizier|anmeldung|authentification|autenticaci/,
  ],
  ['encoded', /\bencod|\bkodiert|\bcodiert|\bencodé|\bcodificad/],
  ['file', /\bfiles?\b|\bdatei|\bfichiers?\b|\barchivos?\b|\bficheros?\b/],
  [
    'bypass',
    /\bbypass|\bskip|\bumgeh|\bumgang|\bcontourn|\bcontorn|\beludi|\bevadi|\bevasi|\bevasã|\besquiv|\baggir|\belus/,
  ],
  [
    'read',
    /\bread(?:s|ing)?\b|\blesen\b|\bliest\b|\bgelesen\b|\blesezugriff|\blire\b|\blit\b|\blecture\b|\bleer\b|\blee\b|\blectura\b|\bler\b|\bleitura\b|\bleggere\b|\blegge\b|\blettura\b/,
  ],
  [
    'chunk size',
    /chunk[- ]?size|chunk-?größe|chunk-?groesse|taille (?:de|du) (?:bloc|chunk|morceau)|tamaño (?:de|del) (?:chunk|bloque|fragmento)/,
  ],
  ['underscore', /underscore|unterstrich|tiret bas|guion bajo/],
  ['request smuggling', /smuggl|contrebande|contrabando/],
  ['proxy', /\bprox(?:y|ies)\b|\bmandataire/],
  ['hexadecimal', /\bhex|hexadezimal|hexadécimal|hexadecimal/],
  ['reject', /\breject|\bablehn|\blehnen\b|\brejet|\brefus|\brechaz/],
  ['accept', /\baccept|\bakzeptier|\bannimmt|\bannehmen|\bacepta/],
  ['hide', /\bhid(?:e|es|den|ing)\b|\bversteck|\bcach(?:er|é|ée)\b|\bdissimul|\bocult/],
  ['body', /\bbody\b|\bbodys?\b|\brumpf|\bcorps\b|\bcuerpo\b/],
  ['memory', /\bmemory\b|\bspeicher|\bmémoire|\bmemoria\b/],
  [
    'denial of service',
    /denial of service|\bdos\b|dienstverweigerung|déni de service|denegación de servicio/,
  ],
  ['infinite loop', /infinite loop|endless loop|endlosschleife|boucle infinie|bucle infinito/],
  [
    'out-of-bounds read',
    /out[- ]of[- ]bounds read|over-?read|lesezugriff außerhalb|außerhalb der grenzen gelesen|lecture hors (?:des )?limites|lectura fuera de (?:los )?l[ií]mites|leitura fora dos limites|lettura fuori dai limiti/,
  ],
  ['use after free', /use[- ]after[- ]free|nach der freigabe|après libération|después de liberar/],
  ['packet', /\bpackets?\b|\bpaket|\bpaquets?\b|\bpaquetes?\b/],
  ['redirect', /\bredirect|\bweiterleit|\bumleit|\bredirig|\bredirecci/],
  ['header', /\bheaders?\b|\bheader-|\bkopfzeile|\ben-têtes?\b|\bcabeceras?\b|\bencabezados?\b/],
  [
    'upload',
    /\bupload|\bhochlad|\bhochgelad|\btéléver|\btéléchar|\bsubida\b|\bsubir\b|\bcaricat|\benviad/,
  ],
  ['symlink', /\bsymlink|symbolic link|symbolischer? link|lien symbolique|enlace simbólico/],
  ['traversal', /\btraversal|\bverzeichnisüberschreitung|\btraversée|\brecorrido de directorios/],
  // Certificates and their checks.
  ['certificate', /\bcertificat|\bzertifikat|\bcertificado/],
  ['wildcard', /\bwildcard|\bplatzhalter|caractère générique|\bcomod[ií]n/],
  [
    'name constraints',
    /name[- ]?constraints?|namensbeschränkung|namensbeschraenkung|contraintes? de noms?|restricci[oó]n(?:es)? de nombres?/,
  ],
  [
    'intermediate',
    /\bintermediate|\bzwischen-?(?:ca|zertifikat)|\binterm[ée]diaire|\bintermedi[ao]s?\b/,
  ],
  [
    'certificate chain',
    /\bchain\b|\bzertifikatskette|\bkette\b|cha[iî]ne de certificats|cadena de certificados/,
  ],
  ['subtree', /\bsubtrees?\b|\bteilb[aä]um|\bsous-arbres?|\bsub[aá]rbol/],
  // Markup documents and their structure.
  ['document', /\bdocuments?\b|\bdokument|\bdocumento/],
  ['element', /\belements?\b|\belemente?n?\b|(?<![a-zà-ÿ])élément|\belementos?\b/],
  ['attribute', /\battributes?\b|\battribut|\batributos?\b/],
  ['nested', /\bnested\b|\bnesting\b|\bverschachtelt|\bimbriqu|\bemboîté|\banidad/],
  ['depth', /\bdepth\b|\bdeeply\b|\btiefe\b|\bprofondeur|\bprofundidad/],
  ['prefix', /\bprefix|\bpräfix|\bpréfix|\bprefij/],
  ['local name', /\blocal name|\blokale[nr]? namen?\b|\bnom local|\bnombre local/],
  ['namespace', /\bnamespaces?\b|\bnamensr[aä]um|espace de noms|espacio de nombres/],
  // How the cost grows.
  [
    'quadratic',
    /\bquadratic|\bquadratisch|\bquadratique|\bcuadr[aá]tic|\bau carré|\bal cuadrado|\bcon el cuadrado|\bsquare of the\b|\bdem quadrat\b/,
  ],
  ['exponential', /\bexponen[ct]i/],
  [
    'regular expression',
    /\bregexp?\b|\bregexe?s\b|regular expression|expressions? régulières?|regulär(?:e[nr]?)? ausdr|expresi[oó]n(?:es)? regular|express[aã]o regular|espressione regolare/,
  ],
  ['backtracking', /\bbacktrack|\bretour arrière|\bretroceso/],
  // Quotes and apostrophes, which payloads of parsers repeat.
  [
    'quote',
    /\bquot(?:e|es|ed|ing)\b|\bapostroph|anführungszeichen|\bguillemets?\b|\bcomillas?\b|\baspas\b|\bvirgolett/,
  ],
  // Authentication and its limits.
  ['brute force', /brute[- ]?forc|force brute|fuerza bruta|forza bruta|força bruta/],
  ['attempts', /\battempts?\b|\bversuche?n?\b|\btentatives?\b|\bintentos?\b|\btentativ[oi]s?\b/],
  [
    'disconnect',
    /\bdisconnect|verbindung (?:ge)?trenn|trennt die verbindung|\bdéconnect|\bdesconect|corta(?:r)? la conexi/,
  ],
  // Encryption and its oracles.
  ['padding', /\bpadding|\bremplissage|\brelleno\b|\bauffüll/],
  ['oracle', /\boracles?\b|\borakel|\bor[aá]culo/],
  ['decrypt', /\bdecrypt|\bentschlüssel|\bdéchiffr|\bdescifr|\bdesencript|\bdecifr|\bdecrittogr/],
  [
    'constant time',
    /constant[- ]time|temps constant|konstanter zeit|zeitkonstant|tiempo constante|tempo constante|tempo costante/,
  ],
  ['plaintext', /\bplaintext|\bklartext|texte (?:en )?clair|texto (?:plano|claro|em claro)/],
  [
    'object identifier',
    /\boids?\b|object identifiers?|objektbezeichner|identifiants? d'objets?|identificador(?:es)? de objeto/,
  ],
];

/**
 * A wider glossary of a report's vocabulary, in English, German, French, Spanish, Portuguese and
 * Italian: the layout of an image (tile, grid), a link and what a sanitizer does to it (scheme,
 * tab, newline, remove, external, value, same origin), the scene of an XSS (page, browser, click,
 * stored, user). Rule 3m's first form, set on the mechanism concepts above, does not count these
 * (two reports of different bugs of one product share the scene); the forms that need the second
 * finder's untranslatable token (3o) or allow no anchor of its own do.
 */
const glossaryConceptSpellings: ReadonlyArray<readonly [string, RegExp]> = [
  // Images and their layout.
  ['tile', /\btiles?\b|\bkachel|\btuiles?\b|\bteselas?\b|\bbaldosas?\b|\bladrilhos?\b|\btassell/],
  ['grid', /\bgrids?\b|\bgrid-|\bgitter|\bgrilles?\b|\bcuadr[ií]cula|\brejilla|\bgrelha|\bgriglia/],
  // Links, URLs and what a sanitizer does to them.
  ['link', /\blinks?\b|\bhyperlinks?\b|\bliens?\b|\benlaces?\b|\bligaç|\bcollegament/],
  ['scheme', /\bschemes?\b|\bschema\b|\bschéma\b|\besquema\b/],
  ['tab', /\btabs?\b|\btabulat|\btabulación|\btabulaç|\btabulazion/],
  [
    'newline',
    /\bnewlines?\b|\bline ?feed|zeilenumbruch|saut de ligne|retour à la ligne|salto de línea|nueva línea|quebra de linha|nova linha|a capo\b/,
  ],
  [
    'sanitizer',
    /\bsaniti[sz]|\bscrub|\bbereinig|\bnettoy|\bassaini|\bsanea|\bhigieniz|\bsanific|\bsanitiz/,
  ],
  ['remove', /\bremov|\bstrip|\bentfern|\bsupprim|\belimin|\brimoss|\brimuov/],
  ['external', /\bexternal|\bextern\b|\bexterne[nrs]?\b|\bexternos?\b|\bexternas?\b|\besterno/],
  ['value', /\bvalues?\b|\bwert(?:e|en)?\b|\bvaleurs?\b|\bvalor(?:es)?\b|\bvalori?\b/],
  [
    'same origin',
    /\bsame[- ](?:origin|host|site)|\bgleiche[nrs]? (?:host|site|origin)|\bmême (?:site|origine|hôte)|\bmismo (?:sitio|origen)|\bmesmo (?:site|origem)|\bstess[oa] (?:sito|origine)/,
  ],
  ['page', /\bpages?\b|\bseiten?\b|\bwebseite|\bpáginas?\b|\bpagin[ae]\b/],
  ['browser', /\bbrowsers?\b|\bnavigateurs?\b|\bnavegador/],
  ['click', /\bclick|\bklick|\bclic\b|\bcliqu|\bclicar|\bcliccar/],
  ['stored', /\bstored\b|\bgespeichert|\bstock[ée]|\balmacenad|\barmazenad|\bmemorizzat/],
  [
    'user',
    /\busers?\b|\bbenutzer|\bnutzer|\butilisateurs?\b|\busuarios?\b|\butilizador|\butent[ei]\b/,
  ],
  // Where input goes and what it is made of.
  ['exception', /\bexceptions?\b|\bausnahme|\bexcepci[oó]n|\beccezion|\bexceç/],
  ['byte', /\bbytes?\b|\boctets?\b/],
  ['block', /\bblocks?\b|\bblocs?\b|\bbloques?\b|\bblöcke|\bblocchi\b/],
  ['token', /\btokens?\b|\bjetons?\b/],
  ['limit', /\blimit|\bgrenzwert|\bobergrenze|\blimite|\bl[ií]mite/],
  [
    'connection',
    /\bconnections?\b|\bverbindung|\bconnexion|\bconexi[oó]n|\bconnession|\bconex[aã]o/,
  ],
  [
    'paragraph',
    /\bparagraphs?\b|\babsatz|\babsätze|\bparagraphe|\bp[aá]rrafo|\bpar[aá]grafo|\bparagraf/,
  ],
  ['render', /\brender|\brendu\b|\brendering|\brenderiz/],
  ['whitespace', /\bwhitespace|\bspaces\b|\bleerzeichen|\bespaces\b|\bespacios\b|\bspazi\b/],
  ['escape', /\bescap|\bmaskiert|(?<![a-zà-ÿ])échapp|\bescapad|\bescapat/],
  ['sandbox', /\bsandbox|bac à sable|caja de arena/],
  ['index', /\bindex\b|\bindices\b|\bindexes\b|(?<![a-zà-ÿ])índices?\b|\bindice\b/],
  ['digit', /\bdigits?\b|\bziffern?\b|\bchiffres?\b|\bd[ií]gitos?\b|\bcifr[ae]\b/],
  ['cpu', /\bcpu\b/],
  ['worker', /\bworkers?\b/],
  [
    'release build',
    /\brelease[- ]?builds?\b|\brelease-build|\brelease preset|\bcompilation release/,
  ],
];

/** Upper-case protocol elements or record names (`EDNS`, `NSID`, `OPT`), not ubiquitous ones. */
const acronymPattern = /\b[A-Z][A-Z0-9]{2,7}\b/g;
const ubiquitousAcronyms: ReadonlySet<string> = new Set([
  'HTTP',
  'HTTPS',
  'DNS',
  'TCP',
  'UDP',
  'URL',
  'URI',
  'API',
  'CVE',
  'CWE',
  'CVSS',
  'GHSA',
  'POST',
  'GET',
  'PUT',
  'HEAD',
  'DELETE',
  'ASAN',
  'UBSAN',
  'PDF',
  'JSON',
  'XML',
  'HTML',
  'RFC',
  'TLS',
  'SSL',
  'CPU',
  'RAM',
  'KIB',
  'MIB',
  'GIB',
  'POC',
  'README',
  'NOT',
  'AND',
  'THE',
  'FOR',
  'LINUX',
  'MACOS',
  'WINDOWS',
  'DEBIAN',
  'UBUNTU',
  'GCC',
  'CLANG',
  'SHA',
  'MD5',
  'SUMMARY',
  'ERROR',
  'WRITE',
  'READ',
  'SEGV',
  'PID',
  'UTC',
  'CET',
  'CEST',
  'MIME',
  'UTF',
  'ASCII',
  'ISO',
  'USA',
  'EOF',
  'NULL',
  'TODO',
  'NOTE',
  'IPV4',
  'IPV6',
  'CLI',
  'GUI',
  'SDK',
  'ABI',
  'LTS',
  'AMD64',
  'X86',
  'ARM64',
  'AWS',
  'GCP',
  'CDN',
  'VPN',
  'LAN',
  'WAN',
  'SQL',
  'CSRF',
  'XSS',
  'SSRF',
  'RCE',
  'DOS',
  'OOB',
  'UAF',
  'LLM',
  'GPT',
  'AI',
  'KI',
  'IA',
  'FAQ',
  'CSS',
  'SVG',
  'PNG',
  'JPEG',
  'GIF',
  'ZIP',
  'TAR',
  'OK',
  'BAD',
  'YES',
  'MUST',
  'SHOULD',
  'HIGH',
  'LOW',
  'MEDIUM',
  'CRITICAL',
  'CRLF',
]);
/** Header names written as headers (`Transfer-Encoding: chunked`), not the ones every request has. */
const headerNamePattern = /\b([A-Za-z][a-z0-9]{1,20}(?:-[A-Za-z][a-z0-9]{1,20}){1,4}):/g;
const ubiquitousHeaders: ReadonlySet<string> = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'accept-encoding',
  'accept-language',
  'mime-version',
  'content-transfer-encoding',
  'cache-control',
  'x-forwarded-for',
  'reply-to',
  'message-id',
  'in-reply-to',
]);
/** Directives and identifiers joined by underscores (`try_files`, `basic_auth`, `do_daemonize`). */
const snakeNamePattern = /\b[a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,4}\b/g;
/** A percent-encoded byte (`%5C`, `%2e`), also run into the word after it (`%5Cconfig.json`). */
const percentEncodingPattern = /%[0-9A-Fa-f]{2}/g;
/** The encoded space and the encodings every URL with a query has. */
const ubiquitousEncodings: ReadonlySet<string> = new Set(['%20', '%3D', '%26', '%3F', '%2B']);
/**
 * An HTML character reference a payload is written with (`&#58`, `&#x3a;`, `&Tab;`): numeric ones
 * with or without their semicolon (its absence may be the bug), named ones with it.
 */
const characterReferencePattern =
  /&(?:#[0-9]{1,16};?|#[xX][0-9A-Fa-f]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};)/g;
/** The references every escaped text has. */
const ubiquitousCharacterReferences: ReadonlySet<string> = new Set([
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&nbsp;',
]);
/**
 * A numeric reference by the character it encodes, in decimal (`&#x3A;`, `&#0000058;` -> `&#58;`),
 * keeping whether it ends in a semicolon; a named one lower-cased (`&Tab;` -> `&tab;`).
 */
function normalizeCharacterReference(reference: string): string {
  const lower = reference.toLowerCase();
  if (!lower.startsWith('&#')) return lower;
  const end = lower.endsWith(';') ? ';' : '';
  const digits = lower.slice(2, lower.length - end.length);
  const codePoint = digits.startsWith('x')
    ? Number.parseInt(digits.slice(1), 16)
    : Number.parseInt(digits, 10);
  return `&#${codePoint}${end}`;
}
/** Odd number literals a parser accepts (`1_0`, `0x5`); longer hex numbers are addresses. */
const numberLiteralPattern = /\b(?:[0-9]{1,4}_[0-9]{1,4}|0x[0-9A-Fa-f]{1,4})\b/g;
/** A number written with a thousands separator (`15_000`, `1_000`): a size, no odd literal. */
const groupedThousandsPattern = /^[1-9][0-9]{0,2}_[0-9]{3}$/;

const escapedLineBreakPattern = /\\[rnt]/g;
const maxConceptChars = 20_000;

/** The canonical English concepts the title and text name, in any of the languages read. */
export function findCrossLanguageConcepts(title: string, text: string): string[] {
  const lower = `${title}\n${text}`.slice(0, maxConceptChars).normalize('NFKC').toLowerCase();
  return [...conceptSpellings, ...glossaryConceptSpellings]
    .filter(([, pattern]) => pattern.test(lower))
    .map(([name]) => name);
}

const glossaryConceptNames: ReadonlySet<string> = new Set(
  glossaryConceptSpellings.map(([name]) => name),
);

/** A concept of the mechanism (`heap overflow`, `chunk size`), not of the wider glossary (`page`). */
export function isMechanismConcept(name: string): boolean {
  return !glossaryConceptNames.has(name);
}

/** The concrete anchors (protocol elements, headers, directives, literals) the document names. */
export function findConcreteAnchors(title: string, text: string): string[] {
  // A request pasted as a string literal runs its lines together (`\r\nTransfer-Encoding:`).
  const whole = `${title}\n${text}`
    .slice(0, maxConceptChars)
    .normalize('NFKC')
    .replace(escapedLineBreakPattern, ' ');
  const anchors = new Set<string>();
  for (const match of whole.matchAll(acronymPattern)) {
    if (!ubiquitousAcronyms.has(match[0]) && /[A-Z].*[A-Z]/.test(match[0])) anchors.add(match[0]);
  }
  for (const match of whole.matchAll(headerNamePattern)) {
    const name = match[1]!.toLowerCase();
    if (!ubiquitousHeaders.has(name)) anchors.add(`${name}:`);
  }
  // A folder or file stem (`ext/puma_http11/http11_parser.rl`) is where a parser's code is kept,
  // named by reports of its different bugs alike: no anchor of one bug.
  // A conversion every Ruby object has (`to_s`) is how a proof of concept prints, not the bug's.
  for (const match of removePathsAndDottedNames(whole).matchAll(snakeNamePattern)) {
    if (!isUniversalName(match[0])) anchors.add(match[0]);
  }
  for (const match of whole.matchAll(percentEncodingPattern)) {
    const encoding = match[0].toUpperCase();
    if (!ubiquitousEncodings.has(encoding)) anchors.add(encoding);
  }
  // A character reference is a crafted literal like `%5C`: a second finder of the bug writes the
  // same payload, one of another bug in the same check its own (`&Tab;` against `&#58`).
  for (const match of whole.matchAll(characterReferencePattern)) {
    const reference = normalizeCharacterReference(match[0]);
    if (!ubiquitousCharacterReferences.has(reference)) anchors.add(reference);
  }
  for (const match of whole.matchAll(numberLiteralPattern)) {
    // A number with its thousands grouped (`15_000`, Ruby's and Python's way) is a loop's size.
    if (!groupedThousandsPattern.test(match[0])) anchors.add(match[0].toLowerCase());
  }
  return [...anchors].slice(0, 300);
}
