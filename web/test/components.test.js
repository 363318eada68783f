import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, reactive, ref } from 'vue';
import ElementPlus, { ElFormItem, ElInput } from 'element-plus';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import EventTimeline from '../src/components/EventTimeline.vue';
import ServerTable from '../src/components/ServerTable.vue';
import CommandDialog from '../src/components/CommandDialog.vue';
import BoardColumns from '../src/components/BoardColumns.vue';
import DetailCard from '../src/components/DetailCard.vue';
import { ApiProblem } from '../src/api/http.js';
import { GENESIS } from '../src/utils/chain.js';

const plugins = () => [ElementPlus, createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })];

describe('EventTimeline', () => {
  const entries = [
    { sequence: 0, eventId: 'e0', type: 'x.OrganisationUnitEstablished.v1', hash: 'a'.repeat(64), prevHash: GENESIS,
      occurredAt: '2026-11-28T07:00:00Z', recordedAt: '2026-11-28T07:00:01Z', actor: { id: 'dangwei', role: 'COMMITTEE_STAFF' }, data: { reason: '党委会议决定' } },
    { sequence: 1, eventId: 'e1', type: 'x.OrganisationUnitRenamed.v1', hash: 'b'.repeat(64), prevHash: 'c'.repeat(64),
      occurredAt: '2026-11-28T08:00:00Z', recordedAt: '2026-11-28T08:00:00Z', actor: { id: 'dangwei', role: 'COMMITTEE_STAFF' }, data: {} },
  ];

  it('shows each event with its actor, times, reason and chain link, and marks the event the verification found broken', async () => {
    const loadPage = vi.fn().mockResolvedValue({ entries });
    const verify = vi.fn().mockResolvedValue({ intact: false, brokenAtSequence: 1, problem: 'PREVIOUS_HASH_MISMATCH', eventsChecked: 2 });
    const wrapper = mount(EventTimeline, { props: { loadPage, verify, title: '组织时间线' }, global: { plugins: plugins() } });
    await flushPromises();

    expect(loadPage).toHaveBeenCalledWith(0);
    const events = wrapper.findAll('[data-test=event]');
    expect(events).toHaveLength(2);
    expect(events[0].text()).toContain('dangwei');
    expect(events[0].text()).toContain('党委工作人员');
    expect(events[0].text()).toContain('党委会议决定');
    expect(events[0].text()).toContain('起点');
    expect(events[1].text()).toContain('（未填写）');
    expect(events[1].find('.link-broken').exists()).toBe(true);
    expect(wrapper.find('[data-test=verification]').text()).toContain('尚未校验');

    await wrapper.find('[data-test=verify]').trigger('click');
    await flushPromises();

    const badge = wrapper.find('[data-test=verification]');
    expect(badge.attributes('data-intact')).toBe('false');
    expect(badge.text()).toContain('第 1 号事件处断开');
    expect(badge.text()).toContain('前一哈希与上一事件不符');
    expect(wrapper.findAll('[data-test=event]')[1].classes()).toContain('broken');
  });

  it('reads the next page when there is one', async () => {
    const loadPage = vi.fn()
      .mockResolvedValueOnce({ entries: [entries[0]], next: 1 })
      .mockResolvedValueOnce({ entries: [entries[1]] });
    const wrapper = mount(EventTimeline, { props: { loadPage }, global: { plugins: plugins() } });
    await flushPromises();
    const more = wrapper.findAll('button').find((b) => b.text().includes('加载'));
    await more.trigger('click');
    await flushPromises();
    expect(loadPage).toHaveBeenLastCalledWith(1);
    expect(wrapper.findAll('[data-test=event]')).toHaveLength(2);
  });
});

describe('ServerTable', () => {
  it('asks the server for a page with the filters, and for the next page when paging', async () => {
    const fetchPage = vi.fn().mockImplementation(async ({ page }) => ({
      items: Array.from({ length: 20 }, (_, i) => ({ id: `u${page * 20 + i}` })), total: 45, page, size: 20,
    }));
    const filters = reactive({ q: '支部' });
    const wrapper = mount(ServerTable, {
      props: { fetchPage, filters },
      slots: { default: () => h('span') },
      global: { plugins: plugins() },
    });
    await flushPromises();
    expect(fetchPage).toHaveBeenCalledWith({ q: '支部', page: 0, size: 20 });
    expect(wrapper.find('[data-test=total]').text()).toBe('共 45 条');

    await wrapper.find('button.btn-next').trigger('click');
    await flushPromises();
    expect(fetchPage).toHaveBeenLastCalledWith({ q: '支部', page: 1, size: 20 });
  });

  it('shows the problem when the server refuses', async () => {
    const fetchPage = vi.fn().mockRejectedValue(new ApiProblem(400, { title: '请求参数有误', detail: 'size 须在 1 到 200 之间' }));
    const wrapper = mount(ServerTable, { props: { fetchPage }, global: { plugins: plugins() } });
    await flushPromises();
    expect(wrapper.find('[data-test=problem]').text()).toContain('size 须在 1 到 200 之间');
  });
});

describe('CommandDialog', () => {
  const Host = defineComponent({
    setup(_, { expose }) {
      const model = reactive({ name: '' });
      const command = { busy: ref(false), problem: ref(null), retrySafe: ref(false) };
      const submitted = ref(0);
      const rules = { name: [{ required: true, message: '请填写名称。', trigger: 'blur' }] };
      expose({ model, command, submitted });
      return () => h(CommandDialog, {
        modelValue: true, title: '更名', model, rules, command, onSubmit: () => { submitted.value += 1; },
      }, () => h(ElFormItem, { label: '新名称', prop: 'name' },
        () => h(ElInput, { modelValue: model.name, 'onUpdate:modelValue': (v) => { model.name = v; } })));
    },
  });

  it('sends only what passes its checks, and marks the fields the server refused', async () => {
    const wrapper = mount(Host, { global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    const submit = () => document.querySelector('[data-test=submit]').click();

    submit();
    await flushPromises();
    expect(wrapper.vm.submitted.value ?? wrapper.vm.submitted).toBe(0);
    const item = wrapper.findComponent(ElFormItem);
    expect(item.classes()).toContain('is-error');
    expect(item.vm.validateMessage).toBe('请填写名称。');

    wrapper.vm.model.name = '机关第二党支部';
    await flushPromises();
    submit();
    await flushPromises();
    expect(wrapper.vm.submitted.value ?? wrapper.vm.submitted).toBe(1);

    wrapper.vm.command.problem.value = new ApiProblem(400, { title: '请求内容有误', errors: [{ field: 'name', message: '第 5 个字符是不可见的格式字符 U+200B' }] });
    await flushPromises();
    expect(item.classes()).toContain('is-error');
    expect(item.vm.validateMessage).toContain('U+200B');
    expect(document.querySelector('[data-test=problem]').textContent).toContain('请求内容有误');
    wrapper.unmount();
  });
});

describe('BoardColumns', () => {
  it('shows each stage with its count and cards, and opens a card from the keyboard too', async () => {
    const columns = [
      { key: 'ACTIVIST', title: '入党积极分子', items: [{ id: 'm1', title: '李华', subtitle: '机关第一党支部', note: '2027年1月5日可列为发展对象', tone: 'warning' }] },
      { key: 'PROBATIONARY', title: '预备党员', count: 12, items: [], more: '' },
    ];
    const wrapper = mount(BoardColumns, { props: { columns, label: '发展党员' }, global: { plugins: plugins() } });
    const [first, second] = wrapper.findAll('[data-column]');
    expect(first.find('h3').text()).toBe('入党积极分子');
    expect(first.find('[data-test=column-count]').text()).toBe('1');
    expect(second.find('[data-test=column-count]').text()).toBe('12');
    expect(second.text()).toContain('（无）');
    const card = first.find('[data-item=m1]');
    expect(card.element.tagName).toBe('BUTTON');
    expect(card.classes()).toContain('warning');
    await card.trigger('click');
    expect(wrapper.emitted('open')[0][0].id).toBe('m1');
  });
});

describe('DetailCard', () => {
  it('shows the title, tags and the facts that have a value, slots for the rest', () => {
    const wrapper = mount(DetailCard, {
      props: {
        title: '机关第一党支部',
        tags: [{ text: '党支部', testId: 'kind' }],
        facts: [{ label: '成立时间', value: '2026年11月28日' }, { label: '撤销时间', value: null }, { label: '上级组织', slot: 'parent' },
          { label: '组织编号', value: 'u-1', mono: true }],
      },
      slots: { parent: '<a href="#">政务服务中心党委</a>' },
      global: { plugins: plugins() },
    });
    expect(wrapper.find('[data-test=detail-heading]').text()).toBe('机关第一党支部');
    expect(wrapper.find('[data-test=kind]').text()).toBe('党支部');
    expect(wrapper.text()).toContain('成立时间');
    expect(wrapper.text()).not.toContain('撤销时间');
    expect(wrapper.find('a').text()).toBe('政务服务中心党委');
    expect(wrapper.find('code').text()).toBe('u-1');
  });
});
