# A scaling plan is imported as <queue_name>/<plan_id>; the plan id is the `id`
# of the plan in the queue's plan list (GET /v1/{project_id}/queues/{queue_name}/plans).
terraform import huaweidata_dli_queue_scaling_plan.night etl/42
