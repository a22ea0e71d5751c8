// openapi-typescript builds its output with the TypeScript compiler API, which TypeScript 7 (the
// workspace's native tsc) no longer ships: it gets TypeScript 5 as a dependency of its own.
export const hooks = {
  readPackage(manifest) {
    if (manifest.name === 'openapi-typescript') {
      delete manifest.peerDependencies?.typescript;
      manifest.dependencies = { ...manifest.dependencies, typescript: '5.9.3' };
    }
    return manifest;
  },
};
