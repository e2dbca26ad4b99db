// A sanitizer's error line ("==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x..."):
// group 1 is the kind of error, group 2 the address when the line gives one. Shared by the trace
// facts (what happened) and the duplicate matcher's bug classes (which kind of bug it is).

export const sanitizerErrorPattern =
  /(?:AddressSanitizer|MemorySanitizer|HWAddressSanitizer):[ \t]+([A-Za-z-]+)(?:[ \t]+on[ \t]+(?:unknown[ \t]+)?address[ \t]+(0x[0-9a-fA-F]+))?/g;
