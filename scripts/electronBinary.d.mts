/** The path of the Electron binary on this machine, or null where it was never downloaded. */
export function electronBinary(): string | null;
