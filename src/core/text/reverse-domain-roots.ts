// The first segment of a JVM package named by reverse domain (`org.jsoup.safety.Cleaner`,
// `io.netty.handler.codec.http.HttpObjectDecoder`): read by the location facts, which take such a
// name for the project's when its second segment is the project's name, and by the scope, which
// places it in its Maven or Gradle file.
export const reverseDomainRoots: ReadonlySet<string> = new Set([
  'org',
  'com',
  'io',
  'net',
  'dev',
  'me',
]);
