package resources

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
)

// warnFlinkRestart warns in the plan when an update restarts a running job: the change
// needs a restart (see flinkChange), the job runs (or is being submitted) and is to keep
// running. The warning names the changed arguments and says whether the job resumes from
// the savepoint the stop takes or starts fresh, without its state. replacedBy are the
// arguments whose change replaces the job instead: a running job is then stopped (with a
// savepoint unless savepoint_on_delete is false) and deleted, and the new job starts fresh.
func warnFlinkRestart(diags *diag.Diagnostics, kind string, state, plan *flinkJobRun, change flinkChange, replacedBy path.Paths) {
	switch state.Status.ValueString() {
	case client.FlinkRunning, client.FlinkSubmitting, client.FlinkCancelFail:
	default:
		return
	}
	if len(replacedBy) > 0 {
		stop := "with a savepoint"
		if !state.SavepointOnDelete.IsNull() && !state.SavepointOnDelete.ValueBool() {
			stop = "WITHOUT a savepoint (savepoint_on_delete = false)"
		}
		diags.AddAttributeWarning(replacedBy[0], "DLI "+kind+" will be replaced and start without its state",
			fmt.Sprintf("Changing %s replaces the job: the apply stops the running job %s %s and deletes it, then creates "+
				"a new job that runs from scratch, WITHOUT the old job's streaming state (a new job cannot resume from "+
				"another job's savepoint).", joinPaths(replacedBy), state.ID.ValueString(), stop))
		return
	}
	if !change.restart || plan.DesiredState.ValueString() != flinkDesiredRunning {
		return
	}
	how := "runs it again resuming from that savepoint (restart_policy = \"resume_from_savepoint\"), so its streaming state is kept"
	summary := "DLI " + kind + " will restart"
	if plan.RestartPolicy.ValueString() == flinkFreshStart {
		how = "runs it again from scratch, WITHOUT its streaming state (restart_policy = \"fresh_start\"; the savepoint is taken but not used)"
		summary += " without its state"
	}
	diags.AddAttributeWarning(path.Root(change.restartedBy[0]), summary,
		fmt.Sprintf("%s %s cannot change %s while the job runs. The apply stops the running job %s with a savepoint, "+
			"updates it and %s. The job processes no data while it restarts.",
			article(kind), kind, strings.Join(change.restartedBy, ", "), state.ID.ValueString(), how))
}

// joinPaths lists paths as "a, b".
func joinPaths(paths path.Paths) string {
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = p.String()
	}
	return strings.Join(names, ", ")
}

// article is "A" or "An" for a noun.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("AEIOUaeiou", rune(noun[0])) {
		return "An"
	}
	return "A"
}
