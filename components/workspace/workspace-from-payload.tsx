"use client";

import { useMemo } from "react";
import { readMapPayload } from "@/lib/model/map-payload";
import { Workspace, type WorkspaceProps } from "./workspace";

/** The workspace of a map the page sent as one JSON string (see mapPayload), read once here. */
export function WorkspaceFromPayload({
  payload,
  ...props
}: Omit<WorkspaceProps, "map"> & { payload: string }) {
  const map = useMemo(() => readMapPayload(payload), [payload]);
  return <Workspace {...props} map={map} />;
}
