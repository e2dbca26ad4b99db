// dependencies.dockerfile-images: Dockerfile base images are pinned by digest.

import { isDockerfile, isIgnoredForManifests } from '../find-manifests.js';
import { splitLines } from '../scan-lines.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';
import type { RuleResult } from '../../model/readiness.js';

const fromLine = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i;

export const dependenciesDockerfileImagesRule: ReadinessRule = {
  id: 'dependencies.dockerfile-images',
  category: 'dependencies',
  title: 'Dockerfile base images pinned by digest',
  rule: {
    pass: 'Every FROM names an image @sha256:<digest>, scratch, or an earlier build stage.',
    warn: 'A FROM uses a tag other than latest without a digest, or an ARG the audit cannot resolve.',
    fail: 'A FROM has no tag or the tag latest.',
    skip: 'No Dockerfile (outside vendor/, test/, examples/).',
  },
  fix: "Pin base images by digest: `FROM node:20-slim@sha256:<digest>`; Dependabot's docker ecosystem keeps it current.",
  anchors: ['Scorecard Pinned-Dependencies (containerImage)'],
  reads: (path) => isDockerfile(path) && !isIgnoredForManifests(path),
  check(context) {
    const files = context.snapshot.files.filter(
      (file) => isDockerfile(file.path) && !isIgnoredForManifests(file.path),
    );
    if (files.length === 0) return [makeResult('skip', null, [], ['no Dockerfile'])];
    const results: RuleResult[] = files.flatMap((file) => {
      if (file.text === undefined) return [];
      const stages = new Set<string>();
      const findings: { status: 'fail' | 'warn'; line: number; message: string }[] = [];
      splitLines(file.text).forEach((text, index) => {
        const match = fromLine.exec(text);
        if (match === null) return;
        const image = match[1] ?? '';
        if (match[2] !== undefined) stages.add(match[2].toLowerCase());
        if (
          image === 'scratch' ||
          stages.has(image.toLowerCase()) ||
          /@sha256:[a-f0-9]{64}$/i.test(image)
        )
          return;
        const line = index + 1;
        if (image.includes('$'))
          findings.push({
            status: 'warn',
            line,
            message: `line ${line}: ${image} comes from an ARG; cannot tell whether it is pinned`,
          });
        else {
          const tag = /:([^/:@]+)$/.exec(image)?.[1];
          if (tag === undefined || tag === 'latest')
            findings.push({
              status: 'fail',
              line,
              message: `line ${line}: ${image} is not pinned`,
            });
          else
            findings.push({
              status: 'warn',
              line,
              message: `line ${line}: ${image} is pinned by tag, not digest`,
            });
        }
      });
      if (findings.length === 0) return [];
      const status = findings.some((finding) => finding.status === 'fail') ? 'fail' : 'warn';
      return [
        makeResult(
          status,
          file.path,
          findings.map((f) => f.line),
          findings.map((f) => f.message),
        ),
      ];
    });
    return results.length > 0
      ? results
      : [makeResult('pass', null, [], [`${files.length} Dockerfile(s) pin their base images`])];
  },
};
