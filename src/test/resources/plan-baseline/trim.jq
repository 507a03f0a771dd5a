# The cloud resources of `./datamesh plan --json`, trimmed to what PlanBaselineTest compares:
# components and the engine's own resources left out, dependsOn by type::name (URNs change with the
# component tree), file assets without their object identity.
[.stacks[] | {stack, resources: (
  (.resources | map({key: .urn, value: (.type + "::" + .name)}) | from_entries) as $names
  | [.resources[]
     | select((.type | startswith("datamesh:") or startswith("pulumi:pulumi:")) | not)
     | {key: (.type + "::" + .name), value: {
         urn,
         inputs: (.inputs | walk(if type == "object" and has("asset") then {asset: "file"} else . end)),
         options: {dependsOn: [.options.dependsOn[] | $names[.]], deleteBeforeReplace: .options.deleteBeforeReplace,
                   retainOnDelete: .options.retainOnDelete, protect: .options.protect}}}]
  | from_entries)}]
