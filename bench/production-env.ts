// Imported first by run.ts: libraries that branch on NODE_ENV (Immer, Redux Toolkit, React) run
// their production paths, as they would for an integrator's users. Dev-only checks would make the
// baseline look slower than it is.
process.env.NODE_ENV ??= 'production';
