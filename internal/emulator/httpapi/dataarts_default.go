package httpapi

import (
	"fmt"
	"time"
)

// Seed identifiers reused by the default fixture.
const (
	seedProjectID = "0833a5737480d53b2f25c010dc1a7b88"
	seedDWSSource = "dws.94a1ad37-1bde-4919-8e93-712577a9c3b2"
	seedDWSWsQN   = "@dlf_job." + seedProjectID + "-workspace-1b59d3c777ad4d619b89eeac4f3cce87"
)

func dliTableQN(db, table, workspace string) string {
	return fmt.Sprintf("%s.%s@dli.%s-workspace-%s", db, table, seedProjectID, workspace)
}

var (
	tableSuperTypes = []string{"base.DataAsset", "dataasset.Table", "base.DataSet", "base.Asset"}
	nodeSuperTypes  = []string{"base.Process", "dlf.Node", "base.Asset", "process.Node"}
)

func dliTable(guid, db, table, workspace string) LineageAsset {
	return LineageAsset{
		GUID: guid, Kind: AssetTable, TypeName: "dli.Table", TypeDisplayName: "数据表", Name: table,
		QualifiedName: dliTableQN(db, table, workspace), BulkType: "dli_table_managed",
		Database: db, Table: table, WorkspaceID: workspace, SuperTypeNames: tableSuperTypes,
		Attributes: map[string]any{"sourceType": "dli", "baseType": "Table", "tableType": "MANAGED", "path": "/" + db},
	}
}

func dliNode(guid, name, job string, workspace string, inputs, outputs []string) LineageAsset {
	return LineageAsset{
		GUID: guid, Kind: AssetNode, TypeName: "dlf.dli_sql", TypeDisplayName: "节点", Name: name,
		QualifiedName: fmt.Sprintf("%s.%s@dlf_job.%s-workspace-%s", job, guid, seedProjectID, workspace),
		BulkType:      "dli_sql_node", WorkspaceID: workspace, SuperTypeNames: nodeSuperTypes,
		Attributes: map[string]any{"nodeType": "dli_sql_node", "baseType": "Node", "job": job},
		Inputs:     inputs, Outputs: outputs,
	}
}

// Demo pipeline GUIDs (demo_db).
var (
	DemoOrdersRawGUID = stableUUID("demo_db.orders_raw")
	demoCustomersRaw  = stableUUID("demo_db.customers_raw")
	demoOrdersClean   = stableUUID("demo_db.orders_clean")
	demoOrdersDaily   = stableUUID("demo_db.orders_daily")
	demoCustomerLTV   = stableUUID("demo_db.customer_ltv")
)

// DefaultDataArtsFixture is the fixture served unless another is loaded: the seeds'
// examples, the demo pipeline, and generated data (a 1,000-table lineage graph with cycles,
// 230 relations and 240 operator instances).
func DefaultDataArtsFixture() DataArtsFixture {
	ws := DemoDataArtsWorkspaceID
	fx := DataArtsFixture{
		InstanceID: DemoDataArtsInstanceID, WorkspaceID: ws,
		Generate: &GenerateSpec{LineageTables: 1000, Relations: 230, NodeInstances: 240},
	}

	// Seed 000: wk.dli_01 -> DLI_SQL_6038 -> wk.dli_02.
	seed000Src := dliTable("da431e05-804a-491f-945a-a29cfb77e635", "wk", "dli_01", ws)
	seed000Dst := dliTable("f74609f6-8a65-492b-991c-ae39918c69ad", "wk", "dli_02", ws)
	seed000Node := dliNode("460abeae-aad4-4456-8c35-5ec530506ae2", "DLI_SQL_6038", "19431260", ws,
		[]string{seed000Src.GUID}, []string{seed000Dst.GUID})
	seed000Node.QualifiedName = "19431260.32e27312-223e-4333-a231-333122123124@dlf_job." + seedProjectID + "-workspace-" + ws

	// Seed 001: the DWS table wk.public.wk_02, its schema and database, job_6757 and its
	// dws_sql node (INSERT INTO wk_02 SELECT * FROM wk_01). wk_01 is added as the input.
	dwsTable := func(guid, name string) LineageAsset {
		return LineageAsset{
			GUID: guid, Kind: AssetTable, TypeName: "dws.Table", TypeDisplayName: "数据表", Name: name,
			QualifiedName: "wk.public." + name + "@" + seedDWSSource, BulkType: "dws_table",
			Database: "wk", Schema: "public", Table: name, WorkspaceID: ws, SuperTypeNames: tableSuperTypes,
			CreateTime: "2024-01-03T09:11:42.871+00:00",
			Attributes: map[string]any{
				"sourceId": "dws@94a1ad37-1bde-4919-8e93-712577a9c3b2", "baseType": "Table", "tableType": "BASE TABLE",
				"path": "/wk/public", "owner": "dbadmin", "sourceType": "dws", "orientation": "ROW",
				"schemaQName": "wk.public@" + seedDWSSource, "databaseQName": "wk@" + seedDWSSource,
				"sourceName": "dws_nossl_4autotest_nomodify", "ddlCreateTime": 1691478978133,
			},
		}
	}
	wk02 := dwsTable("0c0f000e-d7b2-4aab-956c-cdc8b07083c6", "wk_02")
	wk01 := dwsTable(stableUUID("wk.public.wk_01@dws"), "wk_01")
	dwsNode := LineageAsset{
		GUID: "806e2242-a579-4340-aed0-7c8f35ec52fa", Kind: AssetNode, TypeName: "dlf.dws_sql", TypeDisplayName: "节点",
		Name: "xxxx", QualifiedName: "19424819.e2b86e34-3223-4332-ac24-c61f9af72e22" + seedDWSWsQN, BulkType: "dws_sql_node",
		WorkspaceID: "1b59d3c777ad4d619b89eeac4f3cce87", SuperTypeNames: nodeSuperTypes, CreateTime: "2024-01-03T10:17:24.696+00:00",
		Attributes: map[string]any{
			"owner": "username", "nodeType": "dws_sql_node", "baseType": "Node", "database": "wk", "failPolicy": "EXIT",
			"statement": "INSERT INTO wk_02 SELECT * FROM wk_01;", "connection": "a0b248d34ab84631872f46d46a44f0b2",
			"timeout": 360, "pollingTime": 20, "statementOrScript": "SCRIPT",
		},
		Inputs: []string{wk01.GUID}, Outputs: []string{wk02.GUID},
	}
	other := func(guid, typeName, display, name, qn string, super []string, attrs map[string]any) LineageAsset {
		return LineageAsset{GUID: guid, Kind: AssetOther, TypeName: typeName, TypeDisplayName: display, Name: name,
			QualifiedName: qn, WorkspaceID: ws, SuperTypeNames: super, Attributes: attrs}
	}
	job := other("71e0b8d8-abc8-4cf0-94ba-e8e0e04c9b5a", "dlf.Job", "作业", "job_6757", "19424819"+seedDWSWsQN,
		[]string{"base.Process", "base.Asset", "process.Job"},
		map[string]any{"owner": "username", "scheduleType": "REAL_TIME", "description": "BATCH", "id": 19424819, "baseType": "Job"})
	schema := other("6a1510a9-f40c-477f-ae3a-638e592b6504", "dws.Schema", "模式", "public", "wk.public@"+seedDWSSource,
		[]string{"base.DataAsset", "dataasset.Schema", "base.Asset"}, map[string]any{"owner": "Ruby", "baseType": "Schema", "path": "/wk"})
	database := other("e10623fb-dbfc-4f43-bccc-33c68fb4c774", "dws.Database", "数据库", "wk", "wk@"+seedDWSSource,
		[]string{"base.DataAsset", "base.Asset", "dataasset.Database"}, map[string]any{"owner": "dbadmin", "baseType": "Database", "encoding": "SQL_ASCII"})

	// The demo pipeline: ingest -> orders_raw -> clean -> orders_clean -> daily -> orders_daily,
	// and orders_clean + customers_raw -> ltv -> customer_ltv.
	ordersRaw := dliTable(DemoOrdersRawGUID, "demo_db", "orders_raw", ws)
	customersRaw := dliTable(demoCustomersRaw, "demo_db", "customers_raw", ws)
	ordersClean := dliTable(demoOrdersClean, "demo_db", "orders_clean", ws)
	ordersDaily := dliTable(demoOrdersDaily, "demo_db", "orders_daily", ws)
	customerLTV := dliTable(demoCustomerLTV, "demo_db", "customer_ltv", ws)
	// An import node writes orders_raw but reads no table: it counts in the bulk total and
	// contributes no row (like seed 000's total of 2 with one row).
	ingest := dliNode(stableUUID("demo.ingest_orders"), "ingest_orders", "orders_pipeline", ws, nil, []string{ordersRaw.GUID})
	ingest.TypeName, ingest.BulkType = "dlf.cdm_job", "cdm_job_node"
	clean := dliNode(stableUUID("demo.clean_orders"), "clean_orders", "orders_pipeline", ws,
		[]string{ordersRaw.GUID}, []string{ordersClean.GUID})
	daily := dliNode(stableUUID("demo.aggregate_daily"), "aggregate_daily", "orders_pipeline", ws,
		[]string{ordersClean.GUID}, []string{ordersDaily.GUID})
	ltv := dliNode(stableUUID("demo.customer_ltv"), "compute_ltv", "customer_pipeline", ws,
		[]string{ordersClean.GUID, customersRaw.GUID}, []string{customerLTV.GUID})

	fx.Assets = []LineageAsset{
		seed000Src, seed000Dst, seed000Node,
		wk01, wk02, dwsNode, job, schema, database,
		ordersRaw, customersRaw, ordersClean, ordersDaily, customerLTV, ingest, clean, daily, ltv,
	}
	fx.Relationships = seed001Relationships()
	fx.Relations = append(seed003Relations(), demoRelations()...)
	fx.NodeTasks = []NodeTask{{TaskID: "937987", JobName: "ETL_Job_dli2dws", Rows: []map[string]any{seed002Row()}}}
	return fx
}

// seed001Relationships are seed 001's PARENT_CHILD relationships, verbatim.
func seed001Relationships() []map[string]any {
	rel := func(guid, direction, typeName, display, createTime, ep1, ep1Type, ep2, ep2Type string, ws []string) map[string]any {
		return map[string]any{
			"guid": guid, "status": "ACTIVE", "direction": direction, "type_name": typeName, "type_display_name": display,
			"project_id": seedProjectID, "instance_id": []string{DemoDataArtsInstanceID}, "workspace_id": ws,
			"created_by": "username", "updated_by": "username", "create_time": createTime, "update_time": "2024-01-04T11:52:36.454+00:00",
			"relation_type_name": "PARENT_CHILD", "ep1_id": ep1, "ep2_id": ep2, "ep1_type_name": ep1Type, "ep2_type_name": ep2Type,
			"propagate_tag": "NONE",
		}
	}
	wss := []string{"ae559f076ac14061921b6c6c331576c4", "8f91082a19474825b2fee2147e9b464c", "1b59d3c777ad4d619b89eeac4f3cce87"}
	jobNode := rel("cfdd16e6-3827-4572-8b16-d200bb5fcc79", "OUT", "process.node_job", "作业:节点", "2024-01-03T10:17:24.696+00:00",
		"71e0b8d8-abc8-4cf0-94ba-e8e0e04c9b5a", "dlf.Job", "806e2242-a579-4340-aed0-7c8f35ec52fa", "dlf.dws_sql",
		[]string{"1b59d3c777ad4d619b89eeac4f3cce87"})
	jobNode["attributes"] = map[string]any{"__index": 1, "__key": nil}
	return []map[string]any{
		rel("62c8a705-abeb-4d25-b974-854a6b97343c", "IN", "dataasset.tables_schema", "数据表:模式", "2024-01-03T09:11:42.871+00:00",
			"0c0f000e-d7b2-4aab-956c-cdc8b07083c6", "dws.Table", "6a1510a9-f40c-477f-ae3a-638e592b6504", "dws.Schema", wss),
		rel("64d40028-10b9-41ed-811e-9c32689983eb", "IN", "dataasset.tables_database", "数据表:数据库", "2024-01-03T09:11:42.872+00:00",
			"0c0f000e-d7b2-4aab-956c-cdc8b07083c6", "dws.Table", "e10623fb-dbfc-4f43-bccc-33c68fb4c774", "dws.Database", wss),
		jobNode,
	}
}

func relation(id, name, src, srcID, dst, dstID, by, created, tenant string, fields [][2]string) Relation {
	r := Relation{
		ID: id, SourceTableID: srcID, TargetTableID: dstID, Name: name, SourceTableName: src, TargetTableName: dst,
		TenantID: tenant, SourceType: "ONE", TargetType: "ONE", CreateBy: by, UpdateBy: by, CreateTime: created, UpdateTime: created,
		Mappings: []RelationMapping{},
	}
	for i, f := range fields {
		r.Mappings = append(r.Mappings, RelationMapping{
			ID: fmt.Sprintf("%s%d", id[:len(id)-1], i+1), RelationID: id,
			SourceFieldID: fmt.Sprintf("%s%02d", srcID[:len(srcID)-2], i), TargetFieldID: fmt.Sprintf("%s%02d", dstID[:len(dstID)-2], i),
			SourceFieldName: f[0], TargetFieldName: f[1], CreateBy: by, UpdateBy: by, CreateTime: created, UpdateTime: created,
		})
	}
	return r
}

// seed003Relations is seed 003's example record, verbatim.
func seed003Relations() []Relation {
	r := relation("1225137038202957824", "left_relation_right_test", "test_left_relation", "1225137036110000128",
		"test_right_test", "1225137037896773632", "test_uesr", "2024-04-03T17:37:12+08:00",
		seedProjectID+"-workspace-eeb055e69c624311b6b9cfee89a4ec70", nil)
	r.Mappings = []RelationMapping{{
		ID: "1225137038211346432", RelationID: r.ID, SourceFieldID: "1225137036294549504", TargetFieldID: "1225137037896773633",
		SourceFieldName: "id", TargetFieldName: "id", CreateBy: "test_uesr", UpdateBy: "test_uesr",
		CreateTime: "2024-04-03T17:37:12+08:00", UpdateTime: "2024-04-03T17:37:12+08:00",
	}}
	return []Relation{r}
}

func demoRelations() []Relation {
	tenant := seedProjectID + "-workspace-" + DemoDataArtsWorkspaceID
	return []Relation{
		relation("1300000000000000010", "orders_clean_customers", "orders_clean", "1300000000000000100", "customers_raw", "1300000000000000200",
			"demo_user", "2024-05-01T09:00:00+08:00", tenant, [][2]string{{"customer_id", "id"}}),
		relation("1300000000000000020", "orders_daily_orders_clean", "orders_daily", "1300000000000000300", "orders_clean", "1300000000000000100",
			"demo_user", "2024-05-02T09:00:00+08:00", tenant, [][2]string{{"order_date", "order_date"}, {"region", "region"}}),
		relation("1300000000000000030", "customer_ltv_customers", "customer_ltv", "1300000000000000400", "customers_raw", "1300000000000000200",
			"analyst", "2024-05-03T09:00:00+08:00", tenant, [][2]string{{"customer_id", "id"}}),
	}
}

// seed002Row is seed 002's example instance.
func seed002Row() map[string]any {
	return map[string]any{
		"endTime":          0,
		"executionLogPath": "obs://dlf-log-0833a5737480d53b2f25c010dc1a7b88/b88c445407b24283aa949f9833a38fd8/etl-dli2dws/2024-01-11_09_01_39.684/ETL_Job_dli2dws/ETL_Job_dli2dws.job",
		"failCount":        -1, "forceSuccess": 0, "inputRowCount": -1, "jobId": 1, "jobName": "ETL_Job_dli2dws",
		"outputRowCount": -1, "owner": "username", "planTime": int64(1704934907000), "retryTimes": 0,
		"runningData":  `{"obsDataPath":"obs://dlf-log-0833a5737480d53b2f25c010dc1a7b88/1e490376-4778-3a55-a2f5-76b4ac707a87/20240111090152_YqBe/obsData/","jobId":"ca7ec295-0fe7-4fe9-bb2e-30f946334b28","dliCurrentStep":"1","type":"DLI"}`,
		"runningParam": `{"total":1,"rows":[{"name":"running parameter","value":"com.hwclouds.dataide.lts.plugins.hwclouds.etl.ETLJobRunner;dps;dps"}]}`,
		"runningTime":  0, "speed": 0.0, "startTime": int64(1704934916000), "status": "running",
		"submitTime": int64(1704934907691), "taskId": 937987, "taskName": "etl-dli2dws", "taskRunningLogId": 126074594,
		"type": "ETLJob", "workspaceId": DemoDataArtsWorkspaceID, "workspaceName": "kw_test",
	}
}

// generateLineage builds the n-table graph described on GenerateSpec.LineageTables.
func generateLineage(n int, workspace string) []LineageAsset {
	out := make([]LineageAsset, 0, 2*n)
	for i := 0; i < n; i++ {
		out = append(out, dliTable(GeneratedTableGUID(i), "gen_db", fmt.Sprintf("t%04d", i), workspace))
	}
	parent := func(j int) int { return (j - 1) / 2 }
	for i := 0; i < n; i++ {
		var outputs []string
		for _, j := range []int{2*i + 1, 2*i + 2} {
			if j < n {
				outputs = append(outputs, GeneratedTableGUID(j))
			}
		}
		if i%10 == 1 && i+1 < n {
			outputs = append(outputs, GeneratedTableGUID(i+1))
		}
		if i%25 == 5 {
			outputs = append(outputs, GeneratedTableGUID(parent(parent(i))))
		}
		if len(outputs) == 0 {
			continue // a leaf table has no downstream operator
		}
		out = append(out, dliNode(GeneratedNodeGUID(i), fmt.Sprintf("gen_node_%04d", i), fmt.Sprintf("gen_job_%d", i/50), workspace,
			[]string{GeneratedTableGUID(i)}, outputs))
	}
	return out
}

// generateRelations builds n relations with varied names, creators and creation times
// (hourly from 2024-01-01T00:00:00+08:00).
func generateRelations(n int) []Relation {
	tenant := seedProjectID + "-workspace-" + DemoDataArtsWorkspaceID
	creators := []string{"alice", "bob", "carol"}
	subjects := []string{"sales", "stock", "users", "events"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 8*3600))
	out := make([]Relation, 0, n)
	for i := 0; i < n; i++ {
		subject := subjects[i%len(subjects)]
		id := fmt.Sprintf("14%017d", i*10)
		out = append(out, relation(id, fmt.Sprintf("fact_%s_dim_%03d", subject, i),
			"fact_"+subject, fmt.Sprintf("15%017d", i*100), fmt.Sprintf("dim_%03d", i), fmt.Sprintf("16%017d", i*100),
			creators[i%len(creators)], base.Add(time.Duration(i)*time.Hour).Format(time.RFC3339), tenant,
			[][2]string{{"dim_id", "id"}}))
	}
	return out
}

// generateInstances builds n hourly instances of seed 002's operator, from 2024-01-01T00:00Z.
func generateInstances(n int) NodeTask {
	statuses := []string{"success", "success", "fail", "success", "running-exception", "manual-stop"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	t := NodeTask{TaskID: "937987", JobName: "ETL_Job_dli2dws"}
	for i := 0; i < n; i++ {
		plan := base + int64(i)*3600_000
		status := statuses[i%len(statuses)]
		end := plan + 95_000
		t.Rows = append(t.Rows, map[string]any{
			"endTime": end, "executionLogPath": fmt.Sprintf("obs://dlf-log-%s/%s/etl-dli2dws/%d/ETL_Job_dli2dws.job", seedProjectID, DemoDataArtsWorkspaceID, i),
			"failCount": 0, "forceSuccess": 0, "inputRowCount": 1000 + i, "jobId": 1, "jobName": "ETL_Job_dli2dws",
			"outputRowCount": 1000 + i, "owner": "username", "planTime": plan, "retryTimes": i % 3,
			"runningData": `{"type":"DLI"}`, "runningParam": `{"total":0,"rows":[]}`, "runningTime": 90,
			"speed": 11.5, "startTime": plan + 5_000, "status": status, "submitTime": plan + 700,
			"taskId": 937987, "taskName": "etl-dli2dws", "taskRunningLogId": 200000000 + i, "type": "ETLJob",
			"workspaceId": DemoDataArtsWorkspaceID, "workspaceName": "kw_test",
		})
	}
	return t
}
