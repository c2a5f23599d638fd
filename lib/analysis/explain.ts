import type { MapIndex } from "../model/queries";
import type { Relation } from "../model/schema";
import type { Labelling, Status } from "./grounded";

/** How each status reads in the interface and in reports. */
export const STATUS_LABELS: Record<Status, string> = {
  in: "Stands",
  out: "Refuted",
  undecided: "Contested",
};

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function quoted(index: MapIndex, claimId: string): string {
  return `“${clip(index.claims.get(claimId)?.text ?? claimId)}”`;
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function undercutsOf(index: MapIndex, relationId: string): Relation[] {
  return (index.incoming.get(relationId) ?? []).filter((r) => r.type === "attack");
}

function attacksOn(index: MapIndex, claimId: string): Relation[] {
  return (index.incoming.get(claimId) ?? []).filter((r) => r.type === "attack" && index.claims.has(r.from));
}

/**
 * Why a claim has its status, naming claims by their text: "Unattacked", "All attackers refuted: …",
 * "No attack stands: …" (when some attacks are undercut), "Refuted by …" (the standing attackers),
 * or "Contested with …" (the attackers whose attacks are undecided).
 */
export function claimReason(index: MapIndex, labelling: Labelling, claimId: string): string {
  const status = labelling.claims.get(claimId) ?? "undecided";
  const attacks = attacksOn(index, claimId);
  if (status === "in") {
    if (attacks.length === 0) return "Unattacked";
    if (attacks.every((r) => labelling.claims.get(r.from) === "out"))
      return `All attackers refuted: ${list(attacks.map((r) => quoted(index, r.from)))}`;
    const parts = attacks.map((r) => {
      if (labelling.claims.get(r.from) === "out") return `${quoted(index, r.from)} is refuted`;
      const by = undercutsOf(index, r.id).filter((u) => labelling.relations.get(u.id) === "in");
      return `the attack of ${quoted(index, r.from)} is undercut by ${list(by.map((u) => quoted(index, u.from)))}`;
    });
    return `No attack stands: ${parts.join("; ")}`;
  }
  if (status === "out") {
    const standing = attacks.filter((r) => labelling.relations.get(r.id) === "in");
    return `Refuted by ${list(standing.map((r) => quoted(index, r.from)))}`;
  }
  const open = attacks.filter((r) => labelling.relations.get(r.id) === "undecided");
  const parts = open.map((r) => {
    if (labelling.claims.get(r.from) === "in") {
      const by = undercutsOf(index, r.id).filter((u) => labelling.relations.get(u.id) === "undecided");
      return `${quoted(index, r.from)}, whose attack is contested by ${list(by.map((u) => quoted(index, u.from)))}`;
    }
    const mutual = (index.outgoing.get(claimId) ?? []).some(
      (back) =>
        back.type === "attack" && back.to === r.from && labelling.relations.get(back.id) === "undecided",
    );
    return mutual ? `${quoted(index, r.from)} (they attack each other)` : quoted(index, r.from);
  });
  return `Contested with ${list(parts)}`;
}

/**
 * Why a relation counts or not: its source's status, and the undercuts that disable it or leave
 * it contested.
 */
export function relationReason(index: MapIndex, labelling: Labelling, relationId: string): string {
  const relation = index.relations.get(relationId);
  if (!relation) return "Unknown relation";
  if (!index.claims.has(relation.from)) return "Does not count: its source is missing";
  const status = labelling.relations.get(relationId) ?? "undecided";
  const source = labelling.claims.get(relation.from) ?? "undecided";
  const undercuts = undercutsOf(index, relationId);
  const by = (wanted: Status) =>
    list(undercuts.filter((u) => labelling.relations.get(u.id) === wanted).map((u) => quoted(index, u.from)));
  if (status === "in") {
    return undercuts.length === 0
      ? `Counts: ${quoted(index, relation.from)} stands`
      : `Counts: ${quoted(index, relation.from)} stands and no undercut of it counts`;
  }
  if (status === "out") {
    return source === "out"
      ? `Does not count: ${quoted(index, relation.from)} is refuted`
      : `Does not count: undercut by ${by("in")}`;
  }
  return source === "undecided"
    ? `Contested: ${quoted(index, relation.from)} is contested`
    : `Contested: the undercut by ${by("undecided")} is contested`;
}
