package httpapi

import (
	"encoding/json"
	"testing"

	damodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dataartsstudio/v1/model"
)

// DataArts seeds 000–003 through the SDK's dataartsstudio/v1 typed client: the instance and
// workspace headers come from the typed requests.
func TestSDKDataArts(t *testing.T) {
	s := newSDKEnv(t)
	c := s.dataarts
	bulk := must[*damodel.ShowLineageBulkResponse](t, "ShowLineageBulk")(c.ShowLineageBulk(&damodel.ShowLineageBulkRequest{
		Instance: DemoDataArtsInstanceID, Limit: ptr(int32(2))}))
	if bulk.Total < 2 || len(*bulk.Data) == 0 || *(*bulk.Data)[0].NodeGuid == "" {
		t.Fatalf("bulk lineage: %+v", bulk)
	}
	lin := must[*damodel.ShowDatamapLineageResponse](t, "ShowDatamapLineage")(c.ShowDatamapLineage(&damodel.ShowDatamapLineageRequest{
		Instance: DemoDataArtsInstanceID, Guid: GeneratedTableGUID(1), Direction: ptr("OUT"), RelationshipTypeCategories: &[]string{"DATA_FLOW"}}))
	if lin.Total != 4 || len(*lin.Relationships) != 4 || len(*lin.Entities) == 0 {
		t.Fatalf("asset lineage: total %v, %d relationships", lin.Total, len(*lin.Relationships))
	}
	rels := must[*damodel.ListRelationsResponse](t, "ListRelations")(c.ListRelations(&damodel.ListRelationsRequest{
		Workspace: DemoDataArtsWorkspaceID, Limit: ptr(int32(10))}))
	if rels.Data == nil || rels.Data.Value == nil || *rels.Data.Value.Total == 0 || len(*rels.Data.Value.Records) == 0 {
		t.Fatalf("relations: %+v", rels)
	}
	// start_time/end_time are float32 in the SDK (WIRE-NOTES): epoch ms as 1.7049312e+12.
	inst := must[*damodel.ShowInstanceInfosResponse](t, "ShowInstanceInfos")(c.ShowInstanceInfos(&damodel.ShowInstanceInfosRequest{
		Instance: DemoDataArtsInstanceID, TaskId: "937987", JobName: "ETL_Job_dli2dws",
		StartTime: 1704844800000, EndTime: 1704974400000, Offset: 0, Limit: 10}))
	var body instancesBody
	if *inst.StatusCode != 200 || json.Unmarshal([]byte(*inst.Body), &body) != nil || !body.Success || body.Total == 0 {
		t.Fatalf("node instances: %+v", inst)
	}
	_, err := c.ShowLineageBulk(&damodel.ShowLineageBulkRequest{})
	wantSDKError(t, err, "DLS.1000")
}
