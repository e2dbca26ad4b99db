// The severity model's file form (format version 2): a one-line text header (format name, then
// JSON with the version, settings and heads), then binary sections read in place: the vocabulary
// as one string table with a hash table over it, the idf steps, and each head's 8-bit weights.
// Loading parses no megabytes of JSON, decodes no base64 and allocates nothing per feature.

import type { ParseResult } from '../model/parse-result.js';
import { buildFeatureHashSlots, countHashSlots, FeatureTable } from './feature-table.js';
import {
  readHeadWeight,
  type SeverityHead,
  type SeverityHeadName,
  type SeverityModel,
} from './severity-model.js';
import { ratingBands, severityMetrics, severityMetricValues } from './severity-metrics.js';

const severityModelFormat = 'thresher-severity-model';
export const severityModelVersion = 2;

/** The file opens with the format name and a newline, then the header JSON and a newline. */
const magic = `${severityModelFormat}\n`;
/** A header longer than this is not one Thresher wrote. */
const maxHeaderBytes = 1024 * 1024;
/** idf values are stored as 16-bit integers in steps of 1/2048 (idf stays below 32). */
const idfStep = 2048;
/** Every section starts at a multiple of 8 bytes from the start of the file. */
const sectionAlignment = 8;

interface HeadHeader {
  name: string;
  values: string[];
  bias: number[];
  temperature: number;
  /** weight = float32(int8 × scale) */
  scale: number;
}

interface FileHeader {
  version: number;
  provenance: SeverityModel['provenance'];
  /** The feature options, as the model holds them. */
  options: SeverityModel['options'];
  charBlockWeight: number;
  minKnownWords: number;
  featureCount: number;
  /** Length of the vocabulary string table in UTF-16 code units. */
  vocabularyLength: number;
  heads: HeadHeader[];
}

/** Where each section lies, from the header's counts: the same arithmetic writes and reads. */
interface SectionLayout {
  offsets: number;
  slots: number;
  idf: number;
  vocabulary: number;
  heads: number[];
  end: number;
}

function alignUp(position: number): number {
  return Math.ceil(position / sectionAlignment) * sectionAlignment;
}

function layOutSections(header: FileHeader, bodyStart: number): SectionLayout {
  const offsets = alignUp(bodyStart);
  const slots = alignUp(offsets + (header.featureCount + 1) * 4);
  const idf = alignUp(slots + countHashSlots(header.featureCount) * 4);
  const vocabulary = alignUp(idf + header.featureCount * 2);
  let position = alignUp(vocabulary + header.vocabularyLength * 2);
  const heads = header.heads.map((head) => {
    const start = position;
    position = alignUp(start + header.featureCount * head.values.length);
    return start;
  });
  return { offsets, slots, idf, vocabulary, heads, end: position };
}

const isLittleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function toLittleEndianBytes(array: Uint16Array | Uint32Array): Uint8Array {
  const bytes = new Uint8Array(array.byteLength);
  const view = new DataView(bytes.buffer);
  array.forEach((value, index) => {
    if (array instanceof Uint16Array) view.setUint16(index * 2, value, true);
    else view.setUint32(index * 4, value, true);
  });
  return bytes;
}

function encodeHeadWeights(head: SeverityHead): { scale: number; weights: Int8Array } {
  // A loaded head already holds its 8-bit weights: written back as they are.
  if (head.weights instanceof Int8Array) {
    return { scale: head.weightScale ?? 1, weights: head.weights };
  }
  let largest = 0;
  for (let index = 0; index < head.weights.length; index += 1)
    largest = Math.max(largest, Math.abs(readHeadWeight(head, index)));
  const scale = largest > 0 ? largest / 127 : 1;
  const weights = Int8Array.from(head.weights, (weight) => Math.round(weight / scale));
  return { scale, weights };
}

/** The bytes of the model file. The same model always gives the same bytes. */
export function serializeSeverityModel(model: SeverityModel): Uint8Array {
  const vocabulary = [...model.featureIndex.keys()];
  const offsets = new Uint32Array(vocabulary.length + 1);
  vocabulary.forEach((feature, column) => {
    offsets[column + 1] = offsets[column]! + feature.length;
  });
  const vocabularyText = vocabulary.join('');
  const idf = Uint16Array.from(vocabulary, (_, column) =>
    Math.min(65535, Math.round((model.idf[column] ?? 0) * (model.idfScale ?? 1) * idfStep)),
  );
  const heads = Object.values(model.heads);
  const encoded = heads.map(encodeHeadWeights);
  const header: FileHeader = {
    version: severityModelVersion,
    provenance: model.provenance,
    options: model.options,
    charBlockWeight: model.charBlockWeight,
    minKnownWords: model.minKnownWords,
    featureCount: vocabulary.length,
    vocabularyLength: vocabularyText.length,
    heads: heads.map((head, index) => ({
      name: head.name,
      values: [...head.values],
      bias: [...head.bias],
      temperature: head.temperature,
      scale: encoded[index]!.scale,
    })),
  };
  const headerBytes = new TextEncoder().encode(`${magic}${JSON.stringify(header)}\n`);
  const layout = layOutSections(header, headerBytes.length);
  const file = new Uint8Array(layout.end);
  file.set(headerBytes, 0);
  file.set(toLittleEndianBytes(offsets), layout.offsets);
  file.set(toLittleEndianBytes(buildFeatureHashSlots(vocabulary)), layout.slots);
  file.set(toLittleEndianBytes(idf), layout.idf);
  const units = Uint16Array.from(vocabularyText, (_, index) => vocabularyText.charCodeAt(index));
  file.set(toLittleEndianBytes(units), layout.vocabulary);
  encoded.forEach(({ weights }, index) => {
    file.set(
      new Uint8Array(weights.buffer, weights.byteOffset, weights.length),
      layout.heads[index],
    );
  });
  return file;
}

function readUint32Section(file: Uint8Array, start: number, count: number): Uint32Array {
  if (isLittleEndian) return new Uint32Array(file.buffer, file.byteOffset + start, count);
  const view = new DataView(file.buffer, file.byteOffset + start, count * 4);
  return Uint32Array.from({ length: count }, (_, index) => view.getUint32(index * 4, true));
}

function readUint16Section(file: Uint8Array, start: number, count: number): Uint16Array {
  if (isLittleEndian) return new Uint16Array(file.buffer, file.byteOffset + start, count);
  const view = new DataView(file.buffer, file.byteOffset + start, count * 2);
  return Uint16Array.from({ length: count }, (_, index) => view.getUint16(index * 2, true));
}

function expectedValues(name: SeverityHeadName): readonly string[] {
  return name === 'band' ? ratingBands : severityMetricValues[name];
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isNumberList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}

/** Why the header cannot describe a model, or null when it can. */
function checkHeader(header: FileHeader): string | null {
  if (!isCount(header.featureCount) || !isCount(header.vocabularyLength)) return 'bad counts';
  const options = header.options as Partial<SeverityModel['options']> | null;
  const areSettingsNumbers =
    typeof options === 'object' &&
    options !== null &&
    isCount(options.charNgramMin) &&
    isCount(options.charNgramMax) &&
    typeof header.charBlockWeight === 'number' &&
    typeof header.minKnownWords === 'number';
  if (!areSettingsNumbers) return 'the feature settings are damaged';
  if (!Array.isArray(header.heads)) return 'no heads';
  for (const head of header.heads) {
    const name = typeof head?.name === 'string' ? head.name : '?';
    const isWellFormed =
      Array.isArray(head.values) &&
      head.values.length > 0 &&
      head.values.every((value) => typeof value === 'string') &&
      isNumberList(head.bias) &&
      head.bias.length === head.values.length &&
      typeof head.temperature === 'number' &&
      typeof head.scale === 'number';
    if (!isWellFormed) return `head ${name} is malformed`;
  }
  // The heads predictions read must be there, with the values they are read as.
  for (const name of [...severityMetrics, 'band'] as SeverityHeadName[]) {
    const head = header.heads.find((candidate) => candidate.name === name);
    if (!head) return `head ${name} is missing`;
    if (JSON.stringify(head.values) !== JSON.stringify(expectedValues(name)))
      return `head ${name}: unknown values`;
  }
  return null;
}

function checkOffsets(offsets: Uint32Array, vocabularyLength: number): boolean {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== vocabularyLength) return false;
  for (let column = 1; column < offsets.length; column += 1)
    if (offsets[column]! < offsets[column - 1]!) return false;
  return true;
}

function decodeModel(
  file: Uint8Array,
  header: FileHeader,
  bodyStart: number,
): SeverityModel | string {
  const layout = layOutSections(header, bodyStart);
  if (file.length !== layout.end) {
    return `the file is truncated or damaged (${file.length} bytes where the header needs ${layout.end})`;
  }
  const { featureCount } = header;
  const offsets = readUint32Section(file, layout.offsets, featureCount + 1);
  if (!checkOffsets(offsets, header.vocabularyLength)) return 'the vocabulary offsets are damaged';
  const slots = readUint32Section(file, layout.slots, countHashSlots(featureCount));
  const vocabularyText = new TextDecoder('utf-16le').decode(
    file.subarray(layout.vocabulary, layout.vocabulary + header.vocabularyLength * 2),
  );
  // The steps stay as they are, with their scale: idfStep is a power of two, so step × (1 / idfStep)
  // is exactly step / idfStep.
  const idf = readUint16Section(file, layout.idf, featureCount);
  const heads = {} as Record<SeverityHeadName, SeverityHead>;
  header.heads.forEach((head, index) => {
    const start = file.byteOffset + layout.heads[index]!;
    heads[head.name as SeverityHeadName] = {
      name: head.name as SeverityHeadName,
      values: head.values,
      weights: new Int8Array(file.buffer, start, featureCount * head.values.length),
      weightScale: head.scale,
      bias: Float64Array.from(head.bias),
      temperature: head.temperature,
    };
  });
  return {
    options: header.options,
    charBlockWeight: header.charBlockWeight,
    featureIndex: new FeatureTable(vocabularyText, offsets, slots),
    idf,
    idfScale: 1 / idfStep,
    heads,
    minKnownWords: header.minKnownWords,
    provenance: header.provenance,
  };
}

function versionIssue(version: unknown): ParseResult<SeverityModel> {
  return {
    ok: false,
    issues: [
      {
        message: `model format version ${String(version)}; this Thresher reads version ${severityModelVersion}`,
      },
    ],
  };
}

/** A format-1 file was one JSON object; its version is named so the refusal says which it is. */
function readJsonFormatVersion(file: Uint8Array): unknown {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(file)) as {
      format?: unknown;
      version?: unknown;
    };
    return parsed.format === severityModelFormat ? parsed.version : undefined;
  } catch {
    return undefined;
  }
}

function startsWithMagic(file: Uint8Array): boolean {
  if (file.length < magic.length) return false;
  for (let index = 0; index < magic.length; index += 1)
    if (file[index] !== magic.charCodeAt(index)) return false;
  return true;
}

/** The file's bytes, copied when their place in memory does not allow aligned typed views. */
function alignBytes(file: Uint8Array): Uint8Array {
  return file.byteOffset % sectionAlignment === 0 ? file : file.slice();
}

/** Reads a model file; a wrong format or version, or a damaged file, is an issue, not a throw. */
export function parseSeverityModel(bytes: Uint8Array): ParseResult<SeverityModel> {
  if (!startsWithMagic(bytes)) {
    const jsonVersion = bytes[0] === 0x7b ? readJsonFormatVersion(bytes) : undefined;
    if (jsonVersion !== undefined) return versionIssue(jsonVersion);
    return { ok: false, issues: [{ message: `not a ${severityModelFormat} file` }] };
  }
  const headerEnd = bytes.indexOf(0x0a, magic.length);
  if (headerEnd < 0 || headerEnd > maxHeaderBytes) {
    return { ok: false, issues: [{ message: 'the header is damaged' }] };
  }
  let header: FileHeader;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(magic.length, headerEnd)),
    ) as FileHeader;
  } catch {
    return { ok: false, issues: [{ message: 'the header is damaged' }] };
  }
  if (typeof header !== 'object' || header === null) {
    return { ok: false, issues: [{ message: 'the header is damaged' }] };
  }
  if (header.version !== severityModelVersion) return versionIssue(header.version);
  const problem = checkHeader(header);
  if (problem !== null) return { ok: false, issues: [{ message: problem }] };
  try {
    const decoded = decodeModel(alignBytes(bytes), header, headerEnd + 1);
    if (typeof decoded === 'string') return { ok: false, issues: [{ message: decoded }] };
    return { ok: true, value: decoded };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ message: `damaged model file: ${reason}` }] };
  }
}
