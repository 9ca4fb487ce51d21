import { mountChat } from '/assets/js/chat-widget.js';

mountChat(document.getElementById('chat'));
