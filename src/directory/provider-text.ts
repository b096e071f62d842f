import type { Address, Provider } from './schema.js';

/** A clinician's name as it reads everywhere: "Ana Lopez, DC". */
export function displayName(provider: Provider): string {
  return [provider.name, ...(provider.credentials ?? [])].join(', ');
}

/** An address as it is written on an envelope: street lines, then "Chicago, IL 60614". */
export function addressLines(address: Address): string[] {
  const locality = [[address.city, address.state].filter(Boolean).join(', '), address.postalCode]
    .filter(Boolean)
    .join(' ');
  return [address.line1, address.line2, locality].filter((line): line is string => Boolean(line));
}
