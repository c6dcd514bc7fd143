package httpapi

import (
	"sort"
)

// globalVarItem is one §13.4 list item (the SDK's model.GlobalVariable).
type globalVarItem struct {
	ID          int64  `json:"id"`
	VarName     string `json:"var_name"`
	VarValue    string `json:"var_value"`
	ProjectID   string `json:"project_id"`
	UserID      string `json:"user_id"`
	UserName    string `json:"user_name"`
	IsSensitive bool   `json:"is_sensitive"`
	CreateTime  int64  `json:"create_time"`
	UpdateTime  int64  `json:"update_time"`
}

type createVariableBody struct {
	VarName     *string  `json:"var_name"`
	VarValue    *string  `json:"var_value"`
	IsSensitive flexBool `json:"is_sensitive"`
}

func (e *Server) createGlobalVariable(c *call) result {
	b := createVariableBody{IsSensitive: flexBool{name: "is_sensitive"}}
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.VarName == nil {
		return fail(badRequest("var_name is required."))
	}
	if err := validName("var_name", *b.VarName); err != nil {
		return fail(err)
	}
	if b.VarValue == nil || *b.VarValue == "" {
		return fail(badRequest("var_value is required."))
	}
	name := *b.VarName
	now := c.nowMillis()
	if err := c.proj.AddVariable(&globalVar{
		ID: e.data.AllocID(), Name: name, Value: *b.VarValue, IsSensitive: b.IsSensitive.Value,
		UserID: c.user.UserID, UserName: c.user.UserName, CreateTime: now, UpdateTime: now,
		CreatedReal: c.real,
	}); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}

func (e *Server) listGlobalVariables(c *call) result {
	limit, err := c.intParam("limit", 100, 1)
	if err != nil {
		return fail(err)
	}
	offset, err := c.intParam("offset", 0, 0)
	if err != nil {
		return fail(err)
	}
	all := make([]*globalVar, 0, len(c.proj.Variables))
	for _, v := range c.proj.Variables {
		if e.visible(v.CreatedReal) {
			all = append(all, v)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	items := []globalVarItem{}
	for i := offset; i < len(all) && i < offset+limit; i++ {
		v := all[i]
		value := v.Value
		if v.IsSensitive {
			value = sensitiveMask
		}
		items = append(items, globalVarItem{
			ID: v.ID, VarName: v.Name, VarValue: value, ProjectID: c.projectID, UserID: v.UserID,
			UserName: v.UserName, IsSensitive: v.IsSensitive, CreateTime: v.CreateTime, UpdateTime: v.UpdateTime,
		})
	}
	return ok(listVariablesResponse{IsSuccess: true, Count: len(all), GlobalVars: items})
}

type updateVariableBody struct {
	VarValue *string `json:"var_value"`
}

func (e *Server) updateGlobalVariable(c *call) result {
	name := c.path("var_name")
	if err := validName("var_name", name); err != nil {
		return fail(err)
	}
	var b updateVariableBody
	if err := c.decode(&b); err != nil {
		return fail(err)
	}
	if b.VarValue == nil || *b.VarValue == "" {
		return fail(badRequest("var_value is required."))
	}
	v, err := c.proj.Variable(name)
	if err != nil {
		return failDomain(err)
	}
	v.Value = *b.VarValue
	v.UpdateTime = c.nowMillis()
	return ok(success(""))
}

func (e *Server) deleteGlobalVariable(c *call) result {
	name := c.path("var_name")
	if err := validName("var_name", name); err != nil {
		return fail(err)
	}
	if err := c.proj.DeleteVariable(name, c.user.UserID); err != nil {
		return failDomain(err)
	}
	return ok(success(""))
}
