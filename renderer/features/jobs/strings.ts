/** Long work that runs as a job (import, backup, integrity check, demo rebuild): its errors. */
export const jobsStrings = {
  en: {
    errors: {
      jobs: {
        notFound: 'There is no such job (it may belong to another workspace).',
        interrupted: 'The app stopped while this job ran; nothing of it was kept. Start it again.',
        cancelled: 'The job was cancelled.',
        demoRunning: 'The demo workspace is being built already.',
        workspaceBusy: 'A backup or integrity check is reading this workspace: wait for it to finish.',
      },
    },
  },
  ru: {
    errors: {
      jobs: {
        notFound: 'Такой задачи нет (возможно, она относится к другой рабочей области).',
        interrupted: 'Приложение остановилось, пока выполнялась эта задача; её результат не сохранён. Запустите её снова.',
        cancelled: 'Задача отменена.',
        demoRunning: 'Демо-пространство уже создаётся.',
        workspaceBusy: 'Рабочую область читает резервное копирование или проверка целостности: дождитесь их окончания.',
      },
    },
  },
  zh: {
    errors: {
      jobs: {
        notFound: '没有这个任务（它可能属于另一个工作区）。',
        interrupted: '此任务运行时应用已停止；其结果未保留。请重新开始。',
        cancelled: '任务已取消。',
        demoRunning: '演示工作区已在构建中。',
        workspaceBusy: '备份或完整性检查正在读取此工作区：请等待其完成。',
      },
    },
  },
};
