// Turns what source code imports into the package that provides it: `@scope/pkg/sub` -> npm
// `@scope/pkg`; Python `sklearn` -> `scikit-learn`, `bs4` -> `beautifulsoup4`, `cv2` ->
// `opencv-python`. Relative imports, builtins and the Python standard library give null.

import type { Ecosystem } from '../model/dependency.js';
import { nodeBuiltinModules, pythonStdlibModules } from './list-builtin-modules.js';

/** Python import names whose distribution on PyPI has another name (the usual mismatches). */
const pythonDistributions: Readonly<Record<string, string>> = {
  sklearn: 'scikit-learn',
  skimage: 'scikit-image',
  bs4: 'beautifulsoup4',
  cv2: 'opencv-python',
  yaml: 'PyYAML',
  PIL: 'Pillow',
  dateutil: 'python-dateutil',
  dotenv: 'python-dotenv',
  jwt: 'PyJWT',
  Crypto: 'pycryptodome',
  Cryptodome: 'pycryptodomex',
  OpenSSL: 'pyOpenSSL',
  attr: 'attrs',
  magic: 'python-magic',
  serial: 'pyserial',
  usb: 'pyusb',
  git: 'GitPython',
  github: 'PyGithub',
  gitlab: 'python-gitlab',
  docx: 'python-docx',
  pptx: 'python-pptx',
  fitz: 'PyMuPDF',
  MySQLdb: 'mysqlclient',
  ldap: 'python-ldap',
  telegram: 'python-telegram-bot',
  discord: 'discord.py',
  slugify: 'python-slugify',
  multipart: 'python-multipart',
  jose: 'python-jose',
  socketio: 'python-socketio',
  engineio: 'python-engineio',
  zmq: 'pyzmq',
  win32api: 'pywin32',
  win32con: 'pywin32',
  win32com: 'pywin32',
  pythoncom: 'pywin32',
  pkg_resources: 'setuptools',
  dns: 'dnspython',
  nacl: 'PyNaCl',
  kafka: 'kafka-python',
  memcache: 'python-memcached',
  gi: 'PyGObject',
  wx: 'wxPython',
  cairo: 'pycairo',
  OpenGL: 'PyOpenGL',
  Bio: 'biopython',
  faiss: 'faiss-cpu',
  umap: 'umap-learn',
  Xlib: 'python-xlib',
  mpl_toolkits: 'matplotlib',
  pylab: 'matplotlib',
  googleapiclient: 'google-api-python-client',
  'google.protobuf': 'protobuf',
  fastText: 'fasttext',
  tree_sitter: 'tree-sitter',
  websocket: 'websocket-client',
  snappy: 'python-snappy',
  editor: 'python-editor',
  consul: 'python-consul',
  jenkins: 'python-jenkins',
  ffmpeg: 'ffmpeg-python',
};

const distributionsByLowerName = new Map(
  Object.entries(pythonDistributions).map(([module, project]) => [module.toLowerCase(), project]),
);

/** The PyPI project of a module whose import name differs from it (`mysqldb` -> `mysqlclient`), any case. */
export function findDistributionOfImport(module: string): string | undefined {
  return distributionsByLowerName.get(module.toLowerCase());
}

// Namespace packages published as one distribution per sub-package.
const namespacePrefixes = ['google.cloud', 'azure', 'opentelemetry'];

const npmNamePattern = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/i;

export interface ImportedPackage {
  ecosystem: Ecosystem;
  name: string;
  /** The module name as the source wrote it, when it differs from the package name. */
  importedAs?: string;
}

export function mapJsImportToPackage(specifier: string): ImportedPackage | null {
  if (specifier === '' || /^(?:\.|\/|~|#|@\/|[a-z][a-z0-9+.-]*:)/i.test(specifier)) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  if (nodeBuiltinModules.has(parts[0]!) || !npmNamePattern.test(name)) return null;
  return { ecosystem: 'npm', name };
}

export function mapPythonImportToPackage(module: string): ImportedPackage | null {
  if (module === '' || module.startsWith('.')) return null;
  const parts = module.split('.');
  const top = parts[0]!;
  if (pythonStdlibModules.has(top) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(top)) return null;
  const dotted = parts.slice(0, 2).join('.');
  for (const prefix of namespacePrefixes) {
    const prefixParts = prefix.split('.').length;
    if (module.startsWith(`${prefix}.`) && parts.length > prefixParts) {
      const name = parts
        .slice(0, prefixParts + 1)
        .join('-')
        .replace(/_/g, '-');
      return { ecosystem: 'pypi', name, importedAs: parts.slice(0, prefixParts + 1).join('.') };
    }
  }
  const mapped = Object.hasOwn(pythonDistributions, dotted)
    ? pythonDistributions[dotted]
    : Object.hasOwn(pythonDistributions, top)
      ? pythonDistributions[top]
      : undefined;
  if (mapped !== undefined) {
    const importedAs = Object.hasOwn(pythonDistributions, dotted) ? dotted : top;
    return { ecosystem: 'pypi', name: mapped, importedAs };
  }
  return { ecosystem: 'pypi', name: top.replace(/_/g, '-') };
}
