// Fence info strings that mark a code block as a shell session or plain text, not source code.

export const shellInfos: ReadonlySet<string> = new Set([
  '',
  'sh',
  'bash',
  'shell',
  'console',
  'zsh',
  'fish',
  'sh-session',
  'shell-session',
  'terminal',
  'text',
  'txt',
  'plaintext',
  'bash-session',
  'cmd',
  'powershell',
  'ps1',
]);
