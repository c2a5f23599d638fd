/**
 * The Yjs update a message of the Hocuspocus protocol carries, if any: `<document name> <type>`
 * then, for a sync message (type 0, or 4 for a reply), `<step>` and for step 2 or an update
 * (steps 1 and 2) the update's bytes. Undefined for every other message (awareness, auth, …) and
 * for bytes too short to say.
 */
export function carriedUpdate(message: Uint8Array): Uint8Array | undefined {
  const reader = { pos: 0 };
  const length = readVarUint(message, reader);
  if (length === undefined) return undefined;
  reader.pos += length;
  const type = readVarUint(message, reader);
  if (type !== 0 && type !== 4) return undefined;
  const step = readVarUint(message, reader);
  if (step !== 1 && step !== 2) return undefined;
  const size = readVarUint(message, reader);
  if (size === undefined || reader.pos + size > message.length) return new Uint8Array(0);
  return message.subarray(reader.pos, reader.pos + size);
}

function readVarUint(bytes: Uint8Array, reader: { pos: number }): number | undefined {
  let value = 0;
  let shift = 0;
  while (reader.pos < bytes.length && shift < 53) {
    const byte = bytes[reader.pos++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
    shift += 7;
  }
  return undefined;
}
