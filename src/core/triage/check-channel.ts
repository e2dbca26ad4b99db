// Whether a report came in through one of the channels the project's policy lists. A report sent
// elsewhere (to a maintainer's own address, as a GitHub advisory to a project that takes reports
// on HackerOne) is still triaged; the reply thanks the reporter and points to the right channel.

import type { Report } from '../model/report.js';
import type { SecurityContact, SecurityProfile } from '../model/security-profile.js';

export interface ChannelCheck {
  /** False only when the report's channel is known and the policy does not list it. */
  isListed: boolean;
  /** What the policy lists, in words for the reply. */
  listed: string[];
}

function describeContact(contact: SecurityContact): string {
  if (contact.type === 'email') return contact.address;
  if (contact.type === 'url') return contact.url;
  return contact.url ?? "GitHub's private vulnerability reporting on our repository";
}

function isListed(report: Report, contacts: readonly SecurityContact[]): boolean {
  const channel = report.channel;
  if (channel === undefined) return true;
  switch (channel.kind) {
    case 'email': {
      const addresses = contacts.flatMap((contact) =>
        contact.type === 'email' ? [contact.address.toLowerCase()] : [],
      );
      if (addresses.length === 0) return false;
      // A message whose recipients are unknown (stripped by a forwarder) is taken as listed.
      return (
        channel.recipients.length === 0 ||
        channel.recipients.some((recipient) => addresses.includes(recipient))
      );
    }
    case 'github-advisory':
      return contacts.some((contact) => contact.type === 'github-pvr');
    case 'hackerone':
      return contacts.some(
        (contact) => contact.type === 'url' && /(?:^|\/\/|\.)hackerone\.com\//i.test(contact.url),
      );
  }
}

export function checkChannel(report: Report, profile: SecurityProfile): ChannelCheck {
  const contacts = profile.policy.contact;
  return { isListed: isListed(report, contacts), listed: contacts.map(describeContact) };
}
