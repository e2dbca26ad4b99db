// The file-name extensions of programming languages and build scripts: a file with one of them is
// code. Shared by the file-path reader (which also takes data and document files) and the scope
// rules' choice of which cited paths say where the code is.

export const codeFileExtensions: readonly string[] = (
  'c h cc cpp cxx hpp hh hxx ipp inl m mm js mjs cjs jsx ts mts cts tsx py pyi pyx rb go rs java kt kts scala ' +
  'swift php pl pm sh bash zsh fish ps1 lua cs fs vb ex exs erl hrl clj dart zig nim sql gradle cmake mk make ' +
  'vue svelte proto tf'
).split(' ');
