/** Strings of on-device listening: the Listen controls on the live-call screen and Settings → Speech (en/ru/zh, same keys). */
export const speechStrings = {
  en: {
    errors: {
      speech: {
        noModelSet: 'No speech model is set for {{language}}. Choose its folder in Settings → Speech.',
        model: {
          no_folder:
            'There is no folder "{{folder}}". Download the {{language}} streaming model named in the README, unpack it, and choose its folder.',
          not_a_folder: '"{{folder}}" is a file, not a folder. Choose the folder the model archive was unpacked into.',
          no_model:
            '"{{folder}}" is not a streaming speech model: {{missing}} missing. Choose the unpacked folder of a sherpa-onnx streaming transducer model (the README lists one per language).',
          bad_model:
            '"{{file}}" in "{{folder}}" is not an ONNX model (a damaged or incomplete download). Download and unpack the model again.',
          wrong_language:
            'The model in "{{folder}}" recognises {{model}}, not {{language}}, the language of this call. Choose a model for this language.',
          no_runtime:
            'On-device speech recognition is not installed with this app. Reinstall the app, or use the softphone feed or replay.',
        },
        crashed:
          'The speech recogniser stopped unexpectedly: the model files may be damaged. Download the model again, or use the softphone feed.',
        internal: 'Speech recognition failed. Press Listen again; if it keeps failing, the details are in the app log.',
        sessionEnded: 'This listening session has ended. Press Listen again.',
        pickDesktopOnly: "The browser cannot choose folders on this computer: type the model folder's path instead.",
      },
    },
    speech: {
      lang: { en: 'English', ru: 'Russian', zh: 'Chinese' },
      settings: {
        title: 'Speech recognition',
        help: "On-device recognition for live guidance needs one streaming model per language (README → Speech models). Listen on the live-call screen uses the model of the call's language.",
        folder: '{{language}} model folder',
        placeholder: 'e.g. {{dir}}',
        choose: 'Choose folder…',
        check: 'Check and save',
        forget: 'Forget',
        ready: 'Model ready',
        notSet: 'Not set: listening in {{language}} is off.',
        saved: '{{language}} model folder saved.',
        forgotten: '{{language}} model folder forgotten.',
        browserHint:
          "The browser cannot open a folder chooser on the computer running Sales Workbench: type or paste the folder's full path.",
        system: {
          loopback:
            "Customer's side: the system sound is captured as a separate channel (macOS asks for screen-recording permission the first time).",
          share: "Customer's side: in the browser you may share the softphone's tab or window with its sound; otherwise one mixed channel.",
          none: "Customer's side: system sound cannot be captured on this computer; listening uses the microphone only, as one mixed channel.",
        },
      },
      listen: {
        source: 'Listen',
        share: "Also capture the softphone's sound (share its tab or window with audio)",
        mic: 'Microphone (you)',
        system: 'System sound (customer)',
        separate: 'Two channels: the microphone is you, the system sound is the customer.',
        mixed:
          "One mixed channel: only the microphone can be captured here, so both voices count as yours. Cards will not open by themselves; use the softphone feed for the customer's words.",
        shareNoAudio: 'The shared window sent no sound: listening to the microphone only, as one mixed channel.',
        systemLost: 'The system sound stopped: listening to the microphone only now.',
        sent: 'Audio sent: {{s}} s',
        starting: 'Loading the speech model…',
        ready: 'Recognising speech.',
        off: 'Speech recognition is off; the microphone check still runs.',
        openSettings: 'Open Settings → Speech',
        permissionDenied:
          'Microphone access was refused. Allow the microphone for Sales Workbench (browser: the icon at the left of the address bar; Windows or macOS: Settings → Privacy → Microphone), then press Listen again.',
        noDevice: 'No microphone was found. Connect a headset or microphone, then press Listen again.',
        deviceBusy: 'The microphone is in use by another app or cannot be opened. Close the other app, then press Listen again.',
        deviceLost: 'The microphone was disconnected during the call, so listening stopped. Reconnect it and press Listen.',
        failed: 'Audio capture could not start: {{reason}}',
      },
    },
  },
  ru: {
    errors: {
      speech: {
        noModelSet:
          'Для языка «{{language}}» не выбрана модель распознавания речи. Укажите её папку в разделе «Настройки → Распознавание речи».',
        model: {
          no_folder:
            'Папки «{{folder}}» нет. Скачайте потоковую модель для языка «{{language}}», указанную в README, распакуйте её и выберите её папку.',
          not_a_folder: '«{{folder}}» — это файл, а не папка. Выберите папку, в которую распакован архив модели.',
          no_model:
            '«{{folder}}» — не потоковая модель распознавания речи: не хватает {{missing}}. Выберите распакованную папку потоковой модели sherpa-onnx (transducer; в README указано по одной на язык).',
          bad_model:
            '«{{file}}» в папке «{{folder}}» — не модель ONNX (файл повреждён или скачан не полностью). Скачайте и распакуйте модель заново.',
          wrong_language:
            'Модель в «{{folder}}» распознаёт язык «{{model}}», а не «{{language}}» — язык этого звонка. Выберите модель для этого языка.',
          no_runtime:
            'Распознавание речи на этом компьютере не установлено вместе с приложением. Переустановите приложение или используйте поток софтфона либо запись звонка.',
        },
        crashed:
          'Распознавание речи неожиданно остановилось: возможно, файлы модели повреждены. Скачайте модель заново или используйте поток софтфона.',
        internal: 'Распознавание речи не удалось. Нажмите «Слушать» ещё раз; если ошибка повторяется, подробности — в журнале приложения.',
        sessionEnded: 'Сеанс прослушивания закончился. Нажмите «Слушать» ещё раз.',
        pickDesktopOnly: 'Браузер не может выбирать папки на этом компьютере: введите путь к папке модели.',
      },
    },
    speech: {
      lang: { en: 'английский', ru: 'русский', zh: 'китайский' },
      settings: {
        title: 'Распознавание речи',
        help: 'Для подсказок по ходу звонка с распознаванием речи на компьютере нужна потоковая модель для каждого языка (README → Speech models). Кнопка «Слушать» в режиме звонка берёт модель языка звонка.',
        folder: 'Папка модели: {{language}}',
        placeholder: 'например, {{dir}}',
        choose: 'Выбрать папку…',
        check: 'Проверить и сохранить',
        forget: 'Убрать',
        ready: 'Модель готова',
        notSet: 'Не указана: распознавание для языка «{{language}}» выключено.',
        saved: 'Папка модели ({{language}}) сохранена.',
        forgotten: 'Папка модели ({{language}}) убрана.',
        browserHint:
          'Браузер не может открыть выбор папки на компьютере, где работает Sales Workbench: введите или вставьте полный путь к папке.',
        system: {
          loopback:
            'Голос клиента: системный звук записывается отдельным каналом (macOS при первом запуске спросит разрешение на запись экрана).',
          share: 'Голос клиента: в браузере можно поделиться вкладкой или окном софтфона со звуком; иначе — один общий канал.',
          none: 'Голос клиента: на этом компьютере системный звук записать нельзя; слушаем только микрофон, одним общим каналом.',
        },
      },
      listen: {
        source: 'Слушать',
        share: 'Записывать и звук софтфона (поделиться его вкладкой или окном со звуком)',
        mic: 'Микрофон (вы)',
        system: 'Системный звук (клиент)',
        separate: 'Два канала: микрофон — это вы, системный звук — клиент.',
        mixed:
          'Один общий канал: здесь можно записать только микрофон, поэтому оба голоса считаются вашими. Карточки сами открываться не будут; слова клиента можно передавать потоком софтфона.',
        shareNoAudio: 'Выбранное окно не передаёт звук: слушаем только микрофон, одним общим каналом.',
        systemLost: 'Системный звук пропал: теперь слушаем только микрофон.',
        sent: 'Передано звука: {{s}} с',
        starting: 'Загружаем модель распознавания…',
        ready: 'Речь распознаётся.',
        off: 'Распознавание речи выключено; проверка микрофона продолжается.',
        openSettings: 'Открыть «Настройки → Распознавание речи»',
        permissionDenied:
          'Доступ к микрофону запрещён. Разрешите микрофон для Sales Workbench (в браузере — значок слева от адресной строки; в Windows или macOS — Параметры → Конфиденциальность → Микрофон) и снова нажмите «Слушать».',
        noDevice: 'Микрофон не найден. Подключите гарнитуру или микрофон и снова нажмите «Слушать».',
        deviceBusy: 'Микрофон занят другой программой или не открывается. Закройте её и снова нажмите «Слушать».',
        deviceLost: 'Микрофон отключился во время звонка, прослушивание остановлено. Подключите его и нажмите «Слушать».',
        failed: 'Не удалось начать запись звука: {{reason}}',
      },
    },
  },
  zh: {
    errors: {
      speech: {
        noModelSet: '尚未为{{language}}设置语音识别模型。请在“设置 → 语音识别”中选择模型文件夹。',
        model: {
          no_folder: '文件夹“{{folder}}”不存在。请下载 README 中列出的{{language}}流式模型，解压后选择其文件夹。',
          not_a_folder: '“{{folder}}”是文件而不是文件夹。请选择模型压缩包解压到的文件夹。',
          no_model:
            '“{{folder}}”不是流式语音识别模型：缺少 {{missing}}。请选择 sherpa-onnx 流式 transducer 模型解压后的文件夹（README 为每种语言列出了一个）。',
          bad_model: '“{{folder}}”中的“{{file}}”不是 ONNX 模型（文件已损坏或未下载完整）。请重新下载并解压模型。',
          wrong_language: '“{{folder}}”中的模型识别的是{{model}}，不是本次通话的语言{{language}}。请选择该语言的模型。',
          no_runtime: '本应用未安装本地语音识别组件。请重新安装应用，或使用软电话转写或回放。',
        },
        crashed: '语音识别意外停止：模型文件可能已损坏。请重新下载模型，或使用软电话转写。',
        internal: '语音识别失败。请再次点击“收听”；如果仍然失败，详情见应用日志。',
        sessionEnded: '本次收听已结束。请再次点击“收听”。',
        pickDesktopOnly: '浏览器无法在这台电脑上选择文件夹：请输入模型文件夹的路径。',
      },
    },
    speech: {
      lang: { en: '英语', ru: '俄语', zh: '中文' },
      settings: {
        title: '语音识别',
        help: '通话中的本地语音识别需要每种语言一个流式模型（README → Speech models）。实时通话界面的“收听”会使用通话语言的模型。',
        folder: '{{language}}模型文件夹',
        placeholder: '例如 {{dir}}',
        choose: '选择文件夹…',
        check: '检查并保存',
        forget: '移除',
        ready: '模型可用',
        notSet: '未设置：{{language}}收听已关闭。',
        saved: '{{language}}模型文件夹已保存。',
        forgotten: '{{language}}模型文件夹已移除。',
        browserHint: '浏览器无法在运行 Sales Workbench 的电脑上打开文件夹选择框：请输入或粘贴文件夹的完整路径。',
        system: {
          loopback: '客户一方：系统声音作为单独声道采集（macOS 首次使用时会请求屏幕录制权限）。',
          share: '客户一方：在浏览器中可以共享软电话的标签页或窗口及其声音；否则为单一混合声道。',
          none: '客户一方：这台电脑无法采集系统声音；只使用麦克风，作为单一混合声道。',
        },
      },
      listen: {
        source: '收听',
        share: '同时采集软电话的声音（共享其标签页或窗口及声音）',
        mic: '麦克风（您）',
        system: '系统声音（客户）',
        separate: '两个声道：麦克风是您，系统声音是客户。',
        mixed: '单一混合声道：这里只能采集麦克风，两个人的声音都算作您的。卡片不会自动打开；客户的话可以通过软电话转写传入。',
        shareNoAudio: '共享的窗口没有声音：只使用麦克风，作为单一混合声道。',
        systemLost: '系统声音已中断：现在只使用麦克风。',
        sent: '已发送音频：{{s}} 秒',
        starting: '正在加载语音模型…',
        ready: '正在识别语音。',
        off: '语音识别已关闭；麦克风检测仍在进行。',
        openSettings: '打开“设置 → 语音识别”',
        permissionDenied:
          '麦克风访问被拒绝。请允许 Sales Workbench 使用麦克风（浏览器：地址栏左侧的图标；Windows 或 macOS：设置 → 隐私 → 麦克风），然后再次点击“收听”。',
        noDevice: '未找到麦克风。请连接耳机或麦克风，然后再次点击“收听”。',
        deviceBusy: '麦克风正被其他应用占用或无法打开。请关闭该应用，然后再次点击“收听”。',
        deviceLost: '通话中麦克风断开，收听已停止。请重新连接后点击“收听”。',
        failed: '无法开始采集音频：{{reason}}',
      },
    },
  },
};
