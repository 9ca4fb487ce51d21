import { submission } from '/citizen/common.js';

submission(document.getElementById('message-form'), document.getElementById('result'), {
  path: () => '/api/v1/web-messages',
  intro: () => '您的留言已登记，我们将尽快转交承办单位办理。',
});
