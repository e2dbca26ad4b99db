// workflows.pinned-images: job containers and service containers are pinned by digest.

import type { Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';
import { checkEachWorkflow, type Finding } from '../workflow-facts.js';

export const workflowsPinnedImagesRule: ReadinessRule = {
  id: 'workflows.pinned-images',
  category: 'workflows',
  title: 'Container images pinned by digest',
  rule: {
    pass: 'Every container: and services: image is pinned by @sha256 digest (or is computed by an expression the audit cannot resolve).',
    warn: 'An image has a tag other than latest but no digest.',
    fail: 'An image has no tag or the tag latest.',
    skip: 'No readable workflows.',
  },
  fix: 'Pin images by digest: `image: node:20@sha256:<digest>`.',
  anchors: ['zizmor unpinned-images'],
  reads: () => false,
  check: (context) =>
    checkEachWorkflow(context, findUnpinnedImages, 'every container image is pinned'),
};

function findUnpinnedImages(workflow: Workflow): Finding[] {
  return workflow.jobs.flatMap((job) =>
    job.images.flatMap(({ image }): Finding[] => {
      const name = image.text.trim();
      if (name === '' || name.includes('${{') || /@sha256:[a-f0-9]{64}$/i.test(name)) return [];
      const tag = /:([^/:@]+)$/.exec(name)?.[1];
      if (tag === undefined || tag === 'latest') {
        return [
          {
            status: 'fail',
            line: image.line,
            message: `job ${job.id}: image ${name} is ${tag === undefined ? 'not pinned' : 'on latest'}`,
          },
        ];
      }
      return [
        {
          status: 'warn',
          line: image.line,
          message: `job ${job.id}: image ${name} is pinned by a tag, not a digest`,
        },
      ];
    }),
  );
}
