// The risk-factor checklist's entry: its view, and the Python package it runs (risk_checklist).
import { define } from "./widgets.js";
import { ChecklistView } from "./checklist.js";

define("risk-checklist", ChecklistView, "risk_checklist");
