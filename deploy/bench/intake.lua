-- wrk script for the intake benchmark: every request is a new citizen message with a unique externalId.
local counter = 0
local thread_no = 0

function setup(thread)
  thread:set("thread_no", thread_no)
  thread_no = thread_no + 1
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"channel":"app","externalId":"wrk-%d-%d-%d","content":"东湖街道滨江花园小区楼下烧烤店油烟很大，晚上十二点还在营业，严重影响休息。","citizen":{"name":"测试用户","phone":"139%08d"}}',
    os.time(), thread_no, counter, counter % 50000)
  return wrk.format("POST", "/api/v1/requests", {["Content-Type"] = "application/json"}, body)
end
