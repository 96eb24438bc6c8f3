// The `using` declaration, in a module of its own: a runtime that cannot parse it fails this
// module's import with a SyntaxError (feature detection) while the rest of the suite runs, and a
// bundler that lowers it (esbuild, Metro's Babel) transpiles only this file.
export function disposeWithUsing(credential) {
  {
    using held = credential;
    void held;
  }
}
