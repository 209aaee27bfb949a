/** The SDK's version, as in package.json (a Node test keeps the two equal). */
export const SDK_VERSION = '0.1.0';
