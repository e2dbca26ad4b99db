// artefacts.models: committed model files carry a signature, and pickle-based formats (which run
// code when loaded) are never left unsigned.

import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const safeFormats = new Set([
  'safetensors',
  'gguf',
  'ggml',
  'onnx',
  'tflite',
  'mlmodel',
  'keras',
  'h5',
  'hdf5',
  'pb',
]);
const pickleFormats = new Set(['pt', 'pth', 'ckpt', 'pkl', 'pickle', 'joblib']);
const signatureSuffixes = ['.sig', '.sigstore', '.sigstore.json', '.asc', '.bundle'];
const folderSignatures = ['model.sig', 'model.sigstore.json', 'model.sigstore'];

function formatOf(path: string): string {
  const name = path.split('/').at(-1) ?? '';
  return name.includes('.') ? (name.split('.').at(-1) ?? '').toLowerCase() : '';
}

function isModelFile(path: string): boolean {
  const format = formatOf(path);
  return safeFormats.has(format) || pickleFormats.has(format);
}

export const artefactsModelsRule: ReadinessRule = {
  id: 'artefacts.models',
  category: 'artefacts',
  title: 'Model files are signed',
  rule: {
    pass: 'Every model file (.safetensors, .gguf, .onnx, .tflite, .keras, .h5, .pb, .pt, .pth, .ckpt, .pkl, .joblib ...) has a signature beside it: the same name plus .sig, .sigstore, .sigstore.json, .asc or .bundle, or model.sig / model.sigstore.json in its folder (OpenSSF model signing).',
    warn: 'A model in a format that cannot run code (safetensors, GGUF, ONNX ...) has no signature.',
    fail: 'A pickle-based model (.pt, .pth, .ckpt, .pkl, .pickle, .joblib), which runs code when loaded, has no signature.',
    skip: 'No model files.',
  },
  fix: 'Sign model files (e.g. `model_signing sign` from OpenSSF model-signing, or cosign sign-blob) and commit the signature next to them; prefer safetensors to pickle formats.',
  reads: () => false,
  measures: isModelFile,
  check(context) {
    const paths = context.snapshot.byPath;
    const models = context.snapshot.files.filter((file) => isModelFile(file.path));
    if (models.length === 0) return [makeResult('skip', null, [], ['no model files'])];
    return models.map((model) => {
      const folder = model.path.includes('/')
        ? model.path.slice(0, model.path.lastIndexOf('/') + 1)
        : '';
      const signature = [
        ...signatureSuffixes.map((suffix) => `${model.path}${suffix}`),
        ...folderSignatures.map((name) => `${folder}${name}`),
      ].find((candidate) => paths.has(candidate));
      if (signature !== undefined)
        return makeResult('pass', model.path, [], [`signed: ${signature}`]);
      const isPickle = pickleFormats.has(formatOf(model.path));
      return makeResult(
        isPickle ? 'fail' : 'warn',
        model.path,
        [],
        [
          `${isPickle ? 'pickle-based model (runs code when loaded)' : 'model'} of ${model.size ?? '?'} bytes without a signature`,
        ],
      );
    });
  },
};
